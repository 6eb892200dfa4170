import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import request from 'supertest';
type TestAgent = ReturnType<typeof request>;
import { AppModule } from '../../src/app/app.module';
import { configureHttpApp, createHttpAdapter } from '../../src/app/bootstrap';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { PinoNestLogger, createRootLogger } from '../../src/common/logging';
import { REDIS_BASE_URL, REDIS_DB_OFFSET, recreateWorkerDatabase } from './test-databases';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  config: AppConfig;
  /** Runs SQL (`?` placeholders) against this test's database, outside any request's context. */
  sql<Row>(query: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

const workerId = Number(process.env.JEST_WORKER_ID ?? 1);

/**
 * Boots the whole application (HTTP and, unless told otherwise, queue workers) against this worker's own
 * PostgreSQL database, copied from the migrated template, and its own Redis
 * database number, flushed first.
 */
export async function createTestApp(env: Record<string, string> = {}, { workers = true }: { workers?: boolean } = {}): Promise<TestApp> {
  const databaseUrl = await recreateWorkerDatabase();
  const redisUrl = `${REDIS_BASE_URL}/${(REDIS_DB_OFFSET + workerId) % 16}`;
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();

  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'partnerhub-outbox-')),
    // Retries and sweeps in seconds, not hours.
    MAIL_RETRY_SCHEDULE_SECONDS: '1,1,1,1',
    SWEEP_INTERVAL_SECONDS: '1',
    // Render threads load compiled JavaScript; Jest runs the TypeScript sources. Worker processes the tests start use threads.
    PDF_RENDER_THREADS: '0',
    // Suites make thousands of calls as one user within a minute; the rate-limit test sets its own limit.
    RATE_LIMIT_REQUESTS: '1000000',
    WEBHOOK_RETRY_SCHEDULE_SECONDS: '1,1,1',
    // Receivers in the tests listen on this host over http; everything else non-public stays refused.
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
    WEBHOOK_TIMEOUT_SECONDS: '2',
    ...env,
  });
  const logger = createRootLogger(config.logLevel);
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, { http: true, workers })],
  })
    .setLogger(new PinoNestLogger(logger))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { bodyParser: false });
  configureHttpApp(app, config, logger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    sql: <Row>(query: string, params: unknown[] = []) => app.get(EntityManager).fork().execute<Row[]>(query, params),
    close: () => app.close(),
  };
}
