import { Client } from 'pg';

export const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
// TEST_NAMESPACE keeps concurrent test runs on one machine (several checkouts) apart.
export const TEST_NAMESPACE = (process.env.TEST_NAMESPACE ?? '').replace(/[^a-z0-9_]/gi, '');
export const TEMPLATE_DATABASE = `partnerhub_test${TEST_NAMESPACE}_template`;
export const REDIS_DB_OFFSET = Number(process.env.TEST_REDIS_DB_OFFSET ?? 0);
export const REDIS_BASE_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  return `${SERVER_URL}/${name}`;
}

export async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** This Jest worker's own database (one per worker, so suites in parallel never share one). */
export const WORKER_DATABASE = `partnerhub_test${TEST_NAMESPACE}_w${Number(process.env.JEST_WORKER_ID ?? 1)}`;

/** A fresh database for this Jest worker, copied from the migrated template (no truncation between suites). */
export async function recreateWorkerDatabase(name = WORKER_DATABASE): Promise<string> {
  await withServer(async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}" template "${TEMPLATE_DATABASE}"`);
  });
  return databaseUrl(name);
}
