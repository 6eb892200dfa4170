import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createOrmOptions } from './mikro-orm.config';

// Any fixed number: serializes migrations when several replicas start at once.
const MIGRATION_LOCK_KEY = 7_240_501;

/** Creates the database when missing. Returns true when it had to create it. */
export async function ensureDatabaseExists(databaseUrl: string, template?: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return false;
    const quotedTemplate = template ? ` template "${template.replace(/"/g, '""')}"` : '';
    await client.query(`create database "${name.replace(/"/g, '""')}"${quotedTemplate}`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return false; // created by a concurrent starter
    throw error;
  } finally {
    await client.end();
  }
}

/** Applies pending migrations under an advisory lock; returns the names applied. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  // Migrations need no entities.
  const orm = await MikroORM.init(createOrmOptions(databaseUrl, [], { pool: { min: 0, max: 2 }, discovery: { warnWhenNoEntities: false } }));
  const connection = orm.em.getConnection();
  const lockClient = new Client({ connectionString: databaseUrl });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockClient.end();
    await connection.close(true);
  }
}

export async function prepareDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabaseExists(databaseUrl);
  return migrateDatabase(databaseUrl);
}
