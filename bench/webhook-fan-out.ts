// The integrations issue's "webhook fan-out of 1 000 events to a local receiver (time, CPU per delivery)".
// Standalone: `node dist/bench/webhook-fan-out.js`; also a section of `npm run bench`.
//
// Seeds partnerhub_bench_webhooks with a partner whose webhook listens on a local node:http receiver,
// starts a real worker process (dist/src/worker.js), then fires the events through the real
// WebhookEvents in one transaction, as a busy request would. Measured: from the commit until the
// receiver accepted (and verified the signature of) the last event, and the CPU the worker and its
// PostgreSQL backends spent per delivery.
//
// Environment (all optional):
//   BENCH_POSTGRES_URL       PostgreSQL server, as for bench/run.ts; only partnerhub_bench_webhooks is dropped and re-created
//   REDIS_URL                Redis server (redis://127.0.0.1:6379); the worker uses database BENCH_WEBHOOK_REDIS_DB, flushed first
//   BENCH_WEBHOOK_REDIS_DB   (12)
//   BENCH_WEBHOOK_EVENTS     events (1000)
//   BENCH_WEBHOOK_TIMEOUT    seconds to wait for the deliveries (120)
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { ENTITIES } from '../src/app/entities';
import { asOrganizationId } from '../src/common/organization-id';
import { AppConfig } from '../src/config/app-config';
import { createOrmOptions } from '../src/database/mikro-orm.config';
import { SecretBox } from '../src/mail/secret-box';
import { WebhookEvents } from '../src/webhook-events/webhook-events.service';
import { WebhookFanOutRepository } from '../src/webhook-events/webhook-fan-out.repository';
import { newWebhookSecret } from '../src/webhooks/webhook-signature';
import { ABOVE_ZERO, BENCH_SELLER_ENV, benchPostgresUrl, numberFromEnv } from './env';
import { CpuSampler } from './mail-bench-support';
import { formatNumber, formatTable } from './report';
import { insertPartner, recreateDatabase } from './seed';
import { NodeProcess, installCleanup, startNode, stopNodes, waitForOutput } from './servers';
import { percentile } from './stats';

const ROOT = join(__dirname, '..', '..');
const WORKER_SCRIPT = join(ROOT, 'dist', 'src', 'worker.js');
const DATABASE = 'partnerhub_bench_webhooks';

export interface WebhookFanOutFigures {
  events: number;
  delivered: number;
  /** Firing all events in one transaction, commit included. */
  publishMs: number;
  /** From the commit until the receiver accepted the last event. */
  deliveredInMs: number;
  deliveriesPerSecond: number;
  /** From each event's commit until the receiver had it. */
  latencyMs: { p50: number | null; p99: number | null };
  cpuMsPerDelivery: { worker: number; postgres: number };
  /** CPU of everything else on the machine during the run, in percent of one core. */
  otherLoadPercent: number | null;
}

export async function measureWebhookFanOut(log: (line: string) => void = () => undefined): Promise<WebhookFanOutFigures> {
  const events = numberFromEnv('BENCH_WEBHOOK_EVENTS', 1000, ABOVE_ZERO);
  const timeoutMs = numberFromEnv('BENCH_WEBHOOK_TIMEOUT', 120, ABOVE_ZERO) * 1000;
  const redisUrl = `${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'}/${numberFromEnv('BENCH_WEBHOOK_REDIS_DB', 12, 0)}`;
  const jwtSecret = randomBytes(32).toString('base64url');
  const secret = newWebhookSecret();
  const verifier = new Webhook(secret);
  const arrivals: number[] = [];
  let refusedSignatures = 0;
  let allArrived!: () => void;
  const arrived = new Promise<void>((resolve) => (allArrived = resolve));
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      try {
        verifier.verify(body, request.headers as Record<string, string>);
        arrivals.push(Date.now());
        if (arrivals.length === events) allArrived();
        response.writeHead(204).end();
      } catch {
        refusedSignatures++;
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  const processes: NodeProcess[] = [];
  let orm: MikroORM | undefined;
  let sampler: CpuSampler | undefined;
  try {
    await redis.connect();
    await redis.flushdb();
    const databaseUrl = await recreateDatabase(benchPostgresUrl(), DATABASE);
    const partnerId = randomUUID();
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await insertPartner(client, { id: partnerId, name: 'Webhook Partner', street: 'Hookweg 1', adminEmail: 'admin@hooks.bench', adminName: 'Hook Admin', passwordHash: 'none' });
      const sealed = new SecretBox({ auth: { jwtSecret } } as AppConfig).seal(secret);
      await client.query(
        `insert into webhook_endpoint (id, organization_id, url, events, secret_ciphertext, created_by) values ($1, $2, $3, '{member.added}', $4, 'bench')`,
        [randomUUID(), partnerId, receiverUrl, sealed],
      );
    } finally {
      await client.end();
    }

    const worker = startNode('worker', WORKER_SCRIPT, [], {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'info', // its start-up line says when it runs
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
      ...BENCH_SELLER_ENV,
    });
    processes.push(worker);
    await waitForOutput(worker, 'partnerhub worker running');
    log(`worker running; receiver on ${receiverUrl}; firing ${events} events in one transaction ...`);

    orm = await MikroORM.init(createOrmOptions(databaseUrl, ENTITIES));
    const webhookEvents = new WebhookEvents(new WebhookFanOutRepository(orm.em));
    sampler = new CpuSampler(() => [[worker.child.pid, 'workers']], DATABASE);
    sampler.start();
    const publishStarted = Date.now();
    await orm.em.fork().transactional(async () => {
      for (let i = 0; i < events; i++) await webhookEvents.publish({ type: 'member.added', organizationId: asOrganizationId(partnerId), data: { userId: randomUUID() } });
    });
    const committedAt = Date.now();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([arrived, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    sampler.stop();
    const cpu = sampler.window(committedAt);
    const delivered = arrivals.length;
    const deliveredInMs = (arrivals[arrivals.length - 1] ?? Date.now()) - committedAt;
    const latencies = arrivals.map((at) => at - committedAt).sort((a, b) => a - b);
    if (refusedSignatures > 0) log(`the receiver refused ${refusedSignatures} signature(s)`);
    return {
      events,
      delivered,
      publishMs: committedAt - publishStarted,
      deliveredInMs,
      deliveriesPerSecond: delivered / (deliveredInMs / 1000),
      latencyMs: { p50: latencies.length ? percentile(latencies, 0.5) : null, p99: latencies.length ? percentile(latencies, 0.99) : null },
      cpuMsPerDelivery: { worker: cpu.byRole.workers / Math.max(delivered, 1), postgres: cpu.byRole.postgres / Math.max(delivered, 1) },
      otherLoadPercent: cpu.otherMs === null ? null : (cpu.otherMs / cpu.wallMs) * 100,
    };
  } finally {
    sampler?.stop();
    await orm?.close();
    await stopNodes(processes);
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    redis.disconnect();
  }
}

export function formatWebhookFanOutReport(figures: WebhookFanOutFigures): string {
  return formatTable(
    ['webhook fan-out', 'value'],
    [
      ['events fired (one transaction)', `${figures.events} in ${formatNumber(figures.publishMs, 0)} ms`],
      ['delivered, signature verified', `${figures.delivered} of ${figures.events}`],
      ['commit → last delivery', `${formatNumber(figures.deliveredInMs / 1000, 1)} s (${formatNumber(figures.deliveriesPerSecond, 0)} deliveries/s)`],
      ['latency p50 / p99', `${formatNumber(figures.latencyMs.p50, 0)} / ${formatNumber(figures.latencyMs.p99, 0)} ms`],
      ['CPU per delivery: worker / PostgreSQL', `${formatNumber(figures.cpuMsPerDelivery.worker, 2)} / ${formatNumber(figures.cpuMsPerDelivery.postgres, 2)} ms`],
      ['other load on the machine', figures.otherLoadPercent === null ? 'n/a' : `${formatNumber(figures.otherLoadPercent, 0)} % of a core`],
    ],
  );
}

export async function runWebhookFanOut(): Promise<WebhookFanOutFigures> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log('webhook fan-out: 1 000 events through the outbox, the webhook queue and a real worker to a local receiver ...');
  const figures = await measureWebhookFanOut((line) => log(`  ${line}`));
  log(`\n${formatWebhookFanOutReport(figures)}\n`);
  log(JSON.stringify({ bench: 'partnerhub-webhook-fan-out', at: new Date().toISOString(), ...figures }));
  return figures;
}

if (require.main === module) {
  installCleanup();
  runWebhookFanOut()
    .then((figures) => {
      if (figures.delivered < figures.events) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`webhook fan-out bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
