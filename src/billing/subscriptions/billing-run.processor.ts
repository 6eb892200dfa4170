import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { BILLING_QUEUE } from '../../queue/queue-names';
import { BillingRunResult, BillingRunService } from './billing-run.service';
import { errorMessage } from '../../common/error-message';
import { processJobs } from '../../queue/process-jobs';

export const BILLING_RUN_JOB = 'billing-run';
/** Daily at 03:00 UTC. */
export const BILLING_RUN_CRON = '0 3 * * *';
export const BILLING_RUN_JOB_ID = 'billing-run-daily';
const REGISTER_RETRY_MS = 60_000;
const WAIT_FOR_REDIS_MS = 1_000;

/** Adds (or keeps) the daily repeatable job; adding it again with the same cron and jobId changes nothing. */
export function scheduleDailyBillingRun(queue: Queue): Promise<unknown> {
  return queue.add(BILLING_RUN_JOB, {}, { repeat: { cron: BILLING_RUN_CRON }, jobId: BILLING_RUN_JOB_ID, removeOnComplete: 30, removeOnFail: 30 });
}

/**
 * Runs `billing:run` daily. Every worker registers the same repeatable job at
 * start-up; Bull keys repeatables by name, cron and jobId, so N workers keep
 * one schedule, and each occurrence is one job (its id includes the time),
 * taken by one worker. Start-up never waits for Redis: registration runs in
 * the background and is retried until Redis answers.
 */
@Injectable()
export class BillingRunProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BillingRunProcessor.name);
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @InjectQueue(BILLING_QUEUE) private readonly queue: Queue,
    private readonly billingRun: BillingRunService,
  ) {}

  onApplicationBootstrap(): void {
    processJobs(this.queue, BILLING_RUN_JOB, 1, () => this.runNow(), this.logger);
    void this.register();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  /** The job's work; the billing run is idempotent, so a retried or duplicated job issues nothing twice. */
  async runNow(): Promise<BillingRunResult> {
    const result = await this.billingRun.run(new Date());
    this.logger.log(`Billing run: ${JSON.stringify(result)}`);
    if (result.errors > 0) throw new Error(`Billing run failed for ${result.errors} subscription(s); see the log`);
    return result;
  }

  private async register(): Promise<void> {
    if (this.stopped) return;
    // Commands issued while Redis is away wait in ioredis' offline queue and are
    // rejected when the connection drops; only register on a ready connection.
    if (this.queue.client.status !== 'ready') {
      this.retry = setTimeout(() => void this.register(), WAIT_FOR_REDIS_MS);
      this.retry.unref();
      return;
    }
    try {
      await scheduleDailyBillingRun(this.queue);
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(`Could not schedule the daily billing run (retrying in ${REGISTER_RETRY_MS / 1000} s): ${errorMessage(error)}`);
      this.retry = setTimeout(() => void this.register(), REGISTER_RETRY_MS);
      this.retry.unref();
    }
  }
}

