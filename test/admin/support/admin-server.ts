import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { Client } from 'pg';
import { buildOnce } from '../../support/dist-build';
import { freePort } from '../../support/redis-process';
import { REDIS_BASE_URL, REDIS_DB_OFFSET, TEST_NAMESPACE, recreateWorkerDatabase } from '../../support/test-databases';

const ROOT = join(__dirname, '..', '..', '..');
const OUTPUT_TAIL = 16_384;
const workerId = Number(process.env.JEST_WORKER_ID ?? 1);

/**
 * The back-office needs the real server: AdminJS is ESM and Jest cannot load it (STACK.md), so these
 * tests run `node dist/src/main.js` (built first when stale) against this worker's own database,
 * copied from the migrated template, and its own Redis database number.
 */
export interface AdminServer {
  baseUrl: string;
  redisUrl: string;
  sql<Row = Record<string, unknown>>(query: string, params?: unknown[]): Promise<Row[]>;
  /** `node dist/src/cli.js <args>` against the same database; its last line parsed. */
  cli(...args: string[]): Promise<Record<string, string>>;
  output(): string;
  stop(): Promise<void>;
}

export async function startAdminServer(env: Record<string, string> = {}): Promise<AdminServer> {
  await buildOnce();
  const databaseUrl = await recreateWorkerDatabase(`partnerhub_test${TEST_NAMESPACE}_admin_w${workerId}`);
  const redisUrl = `${REDIS_BASE_URL}/${(REDIS_DB_OFFSET + workerId) % 16}`;
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const outbox = mkdtempSync(join(tmpdir(), 'partnerhub-admin-outbox-'));
  const childEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    MAIL_OUTBOX_DIR: outbox,
    WORKERS: 'on',
    ...env,
  };
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const server: AdminServer = {
    baseUrl,
    redisUrl,
    sql: async <Row>(query: string, params: unknown[] = []) => (await db.query(query, params)).rows as Row[],
    cli: async (...args: string[]) => {
      const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'src', 'cli.js'), ...args], { cwd: ROOT, env: childEnv });
      const lines = stdout.trim().split('\n');
      return JSON.parse(lines[lines.length - 1]) as Record<string, string>;
    },
    output: () => tail,
    stop: async () => {
      await stopChild(child);
      await db.end();
      rmSync(outbox, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(baseUrl, child, () => tail);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** One build at a time across Jest workers (two back-office test files may start together). */
async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited during start-up (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The server did not become healthy:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
