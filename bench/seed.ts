// Builds the scratch database of the benchmark with set-based SQL: a few seconds for 10 000 organizations.
import { randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { prepareDatabase } from '../src/database/prepare-database';

export const BENCH_DATABASE = 'partnerhub_bench';
export const BENCH_PASSWORD = 'bench-password-0123456789';

export interface SeedSizes {
  bigCustomers: number;
  smallCustomers: number;
  hosts: number;
}

export const DEFAULT_SIZES: SeedSizes = { bigCustomers: 10_000, smallCustomers: 10, hosts: 500 };

export interface Login {
  email: string;
  password: string;
}

export interface SeededData {
  databaseUrl: string;
  bigPartnerId: string;
  smallPartnerId: string;
  /** The big partner's customer organization that holds the hosts. */
  hostOrganizationId: string;
  bigAdmin: Login;
  smallAdmin: Login;
  counts: Record<string, number>;
}

/** The database `name` (partnerhub_bench by default) on the same server as `serverUrl` (its own database name is ignored). */
export function benchDatabaseUrl(serverUrl: string, name: string = BENCH_DATABASE): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and re-creates partnerhub_bench (and nothing else), migrates it and fills it. */
export async function seedBenchDatabase(serverUrl: string, sizes: SeedSizes = DEFAULT_SIZES): Promise<SeededData> {
  const databaseUrl = await recreateDatabase(serverUrl, BENCH_DATABASE);

  // One argon2id hash for every user: hashing 10 000 passwords would take minutes.
  const passwordHash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
  const bigPartnerId = randomUUID();
  const smallPartnerId = randomUUID();
  const bigAdmin = { email: 'admin@big-partner.bench', password: BENCH_PASSWORD };
  const smallAdmin = { email: 'admin@small-partner.bench', password: BENCH_PASSWORD };

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    for (const [partnerId, name, admin, customers] of [
      [bigPartnerId, 'Big Partner', bigAdmin, sizes.bigCustomers],
      [smallPartnerId, 'Small Partner', smallAdmin, sizes.smallCustomers],
    ] as const) {
      await insertPartner(client, { id: partnerId, name, street: 'Partnerweg 1', adminEmail: admin.email, adminName: `${name} Admin`, passwordHash });
      await insertCustomers(client, partnerId, name, customers, passwordHash);
    }
    const { rows } = await client.query<{ id: string }>(
      'select id from organization where partner_id = $1 order by name, id limit 1',
      [bigPartnerId],
    );
    const hostOrganizationId = rows[0].id;
    await insertHosts(client, hostOrganizationId, sizes.hosts);
    await client.query('commit');
    await client.query('analyze');
    const counts = await countRows(client);
    return { databaseUrl, bigPartnerId, smallPartnerId, hostOrganizationId, bigAdmin, smallAdmin, counts };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Drops the benchmark database `name` (partnerhub_bench or partnerhub_bench_*, nothing else) on the
 * server of `serverUrl`, creates it and applies every migration as the app does; returns its URL.
 */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^partnerhub_bench(_[a-z0-9_]+)?$/.test(name)) throw new Error(`refusing to drop /${name}`);
  const client = new Client({ connectionString: benchDatabaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
  const databaseUrl = benchDatabaseUrl(serverUrl, name);
  await prepareDatabase(databaseUrl); // creates the database and applies every migration
  return databaseUrl;
}

export const ORGANIZATION_COLUMNS = `id, name, address_street, address_postal_code, address_city, address_country,
  kind, partner_id, trial_ends_at, trial_licenses, created_at, updated_at`;

export interface PartnerSeed {
  id: string;
  name: string;
  street: string;
  adminEmail: string;
  adminName: string;
  passwordHash: string;
}

/** A partner organization in Berlin with one admin user. */
export async function insertPartner(client: Client, partner: PartnerSeed): Promise<void> {
  await client.query(
    `insert into organization (${ORGANIZATION_COLUMNS})
     values ($1, $2, $3, '10115', 'Berlin', 'DE', 'partner', null, now() + interval '14 days', 2, now(), now())`,
    [partner.id, partner.name, partner.street],
  );
  const userId = randomUUID();
  await client.query(
    `insert into app_user (id, email, name, password_hash, must_change_password, status, created_at)
     values ($1, $2, $3, $4, false, 'active', now())`,
    [userId, partner.adminEmail, partner.adminName, partner.passwordHash],
  );
  await client.query(`insert into membership (id, organization_id, user_id, role) values ($1, $2, $3, 'admin')`, [
    randomUUID(),
    partner.id,
    userId,
  ]);
}

/**
 * `count` customer organizations linked to the partner, each with one admin of its own (so the
 * membership table is as large as in real life). Names are scrambled so that name order is not
 * insertion order.
 */
async function insertCustomers(client: Client, partnerId: string, partnerName: string, count: number, passwordHash: string): Promise<void> {
  await client.query(
    `insert into organization (${ORGANIZATION_COLUMNS})
     select gen_random_uuid(),
            'Customer ' || substr(md5($3::text || i::text), 1, 8) || ' ' || lpad(i::text, 5, '0'),
            'Kundenstraße ' || i, lpad((i % 99999)::text, 5, '0'), 'Hamburg', 'DE',
            'customer', $1, now() + interval '14 days', 2,
            now() - make_interval(mins => i), now() - make_interval(mins => i)
       from generate_series(1, $2::int) i`,
    [partnerId, count, partnerName],
  );
  await client.query(
    `insert into app_user (id, email, name, password_hash, must_change_password, status, created_at)
     select gen_random_uuid(), 'admin+' || o.id || '@customer.bench', o.name || ' Admin', $2, false, 'active', now()
       from organization o
      where o.partner_id = $1`,
    [partnerId, passwordHash],
  );
  await client.query(
    `insert into membership (id, organization_id, user_id, role)
     select gen_random_uuid(), o.id, u.id, 'admin'
       from organization o
       join app_user u on u.email = 'admin+' || o.id || '@customer.bench'
      where o.partner_id = $1`,
    [partnerId],
  );
}

async function insertHosts(client: Client, organizationId: string, count: number): Promise<void> {
  await client.query(
    `insert into host (id, organization_id, name, os, created_at)
     select gen_random_uuid(), $1, 'host-' || lpad(i::text, 4, '0'),
            (array['Windows Server 2022', 'Ubuntu 24.04', 'Debian 12', 'Windows 11'])[1 + i % 4],
            now() - make_interval(secs => $2::int - i)
       from generate_series(1, $2::int) i`,
    [organizationId, count],
  );
}

async function countRows(client: Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ table: string; count: string }>(
    `select 'organization' as table, count(*) from organization
     union all select 'app_user', count(*) from app_user
     union all select 'membership', count(*) from membership
     union all select 'host', count(*) from host`,
  );
  return Object.fromEntries(rows.map((row) => [row.table, Number(row.count)]));
}
