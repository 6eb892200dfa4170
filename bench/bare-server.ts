// The baseline of the benchmark: node:http + a pg Pool answering the first page of
// GET /api/v1/organizations/:orgId/hosts with the same SQL and JSON shape as partnerhub.
// It deliberately does NO authentication, authorization, validation or logging: the
// ratio partnerhub ÷ bare is the price of everything partnerhub does on top of the query
// (partnerhub also runs its one access query per request and formats timestamps in SQL).
// Run: DATABASE_URL=… PORT=… node dist/bench/bare-server.js
import { createServer, ServerResponse } from 'node:http';
import { Pool } from 'pg';

const HOSTS_ROUTE = /^\/api\/v1\/organizations\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/hosts$/i;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

interface HostRow {
  id: string;
  name: string;
  os: string | null;
  created_at: Date;
}

// Same pool size as partnerhub's MikroORM pool (src/database/mikro-orm.config.ts).
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

async function listHosts(organizationId: string, limit: number) {
  const { rows } = await pool.query<HostRow>(
    'select id, name, os, created_at from host where organization_id = $1 order by created_at, id limit $2',
    [organizationId, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ id: row.id, name: row.name, os: row.os, createdAt: row.created_at.toISOString() })),
    nextCursor:
      rows.length > limit ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url') : null,
  };
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://bare');
  if (request.method === 'GET' && url.pathname === '/health') {
    pool.query('select 1').then(
      () => send(response, 200, { status: 'ok' }),
      () => send(response, 503, { status: 'unavailable' }),
    );
    return;
  }
  const match = request.method === 'GET' ? HOSTS_ROUTE.exec(url.pathname) : null;
  if (!match) return send(response, 404, { status: 404 });
  const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT) || DEFAULT_LIMIT, 1), MAX_LIMIT);
  listHosts(match[1], limit).then(
    (page) => send(response, 200, page),
    () => send(response, 500, { status: 500 }),
  );
});

server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3001), '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => void pool.end().finally(() => process.exit(0)));
    server.closeAllConnections();
  });
}
