import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { BILLING_QUEUE } from '../../queue/queue-names';
import { BillingRunResult, BillingRunService } from './billing-run.service';
import { processJobs } from '../../queue/process-jobs';
import { RecurringJobs } from '../../queue/recurring-jobs';

export const BILLING_RUN_JOB = 'billing-run';
/** Daily at 03:00 UTC. */
export const BILLING_RUN_CRON = '0 3 * * *';
export const BILLING_RUN_JOB_ID = 'billing-run-daily';

/** Adds (or keeps) the daily repeatable job; adding it again with the same cron and jobId changes nothing. */
export function scheduleDailyBillingRun(queue: Queue): Promise<unknown> {
  return queue.add(BILLING_RUN_JOB, {}, { repeat: { cron: BILLING_RUN_CRON }, jobId: BILLING_RUN_JOB_ID, removeOnComplete: 30, removeOnFail: 30 });
}

/**
 * Runs `billing:run` daily. Every worker keeps the same repeatable job registered (RecurringJobs:
 * at start-up and again every sweep interval, so an emptied Redis gets it back); Bull keys
 * repeatables by name, cron and jobId, so N workers keep one schedule, and each occurrence is one
 * job (its id includes the time), taken by one worker.
 */
@Injectable()
export class BillingRunProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(BillingRunProcessor.name);

  constructor(
    @InjectQueue(BILLING_QUEUE) private readonly queue: Queue,
    private readonly billingRun: BillingRunService,
    private readonly recurring: RecurringJobs,
  ) {}

  onApplicationBootstrap(): void {
    processJobs(this.queue, BILLING_RUN_JOB, 1, () => this.runNow(), this.logger);
    this.recurring.keep('daily billing run', this.queue, () => scheduleDailyBillingRun(this.queue));
  }

  /** The job's work; the billing run is idempotent, so a retried or duplicated job issues nothing twice. */
  async runNow(): Promise<BillingRunResult> {
    const result = await this.billingRun.run(new Date());
    this.logger.log(`Billing run: ${JSON.stringify(result)}`);
    if (result.errors > 0) throw new Error(`Billing run failed for ${result.errors} subscription(s); see the log`);
    return result;
  }
}
