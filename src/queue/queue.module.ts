import { BullModule, BullRootModuleOptions } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueConnectionsSettle } from './queue-connections';
import { QUEUE_NAMES } from './queue-names';

/**
 * A job whose worker died goes back to waiting this many times before Bull fails it: a worker
 * restart is no reason to give up, a job that keeps killing its workers is. (Bull's default is 1.)
 */
export const MAX_STALLED_COUNT = 10;

/** Bull reads `skipVersionCheck`; its type definitions leave it out. */
type BullOptions = BullRootModuleOptions & { skipVersionCheck: boolean };

/**
 * Settings shared by every queue: connections retry every two seconds at most, so
 * workers pick up again soon after Redis is back. Producers do not rely on Bull
 * to fail fast while Redis is away; the outbox relay checks the connection first.
 */
export function bullOptions(config: AppConfig): BullOptions {
  return {
    url: config.redisUrl,
    redis: {
      connectTimeout: 2000,
      retryStrategy: (attempt: number) => Math.min(attempt * 250, 2000),
    },
    // Without the version check a queue connects only when first used, so API-only processes open no queue connections.
    skipVersionCheck: true,
    settings: { retryProcessDelay: 1000, stalledInterval: config.queueStalledIntervalMs, maxStalledCount: MAX_STALLED_COUNT },
  };
}

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: bullOptions }),
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
  ],
  providers: [QueueConnectionsSettle],
  exports: [BullModule],
})
export class QueueModule {}
