import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { errorMessage } from '../common/error-message';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { processJobs } from './process-jobs';
import { MAINTENANCE_QUEUE } from './queue-names';
import { RecurringJobs } from './recurring-jobs';

export const SWEEP_JOB = 'sweep';
export const SWEEP_JOB_ID = 'sweep-repeating';

/** Work still waiting this long after it was queued (a mail's first attempt, a PDF) lost its job: the sweeps queue it again. */
export const STUCK_AFTER_MS = 5 * 60_000;
/** Items one sweep queues again at most, per owner; the rest wait for the next sweep. */
export const REDRIVE_BATCH = 500;

/** Re-drives one owner's stuck work (queues its jobs again); returns how many items it re-drove. */
export type Sweep = () => Promise<number>;

/**
 * The repeatable `sweep` job (every SWEEP_INTERVAL_SECONDS): each owner of durable work registers
 * how to find what is stuck in PostgreSQL (a mail whose retry is due or whose worker died, a PDF
 * still pending) and queues it again with a job id of its own per attempt. So nothing waits on a
 * job that Redis lost or Bull gave up on. Sweeps are idempotent: two workers sweeping at once
 * queue each item once.
 */
@Injectable()
export class Sweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(Sweeper.name);
  private readonly sweeps = new Map<string, Sweep>();

  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly recurring: RecurringJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(name: string, sweep: Sweep): void {
    this.sweeps.set(name, sweep);
  }

  /** A sweep that runs at most every `intervalMs` in this process (periodic work that need not run on every sweep). */
  registerEvery(name: string, intervalMs: number, sweep: Sweep): void {
    let lastRun = 0;
    this.register(name, async () => {
      if (Date.now() - lastRun < intervalMs) return 0;
      lastRun = Date.now();
      return sweep();
    });
  }

  onApplicationBootstrap(): void {
    processJobs(this.queue, SWEEP_JOB, 1, () => this.sweepAll(), this.logger);
    this.recurring.keep('sweeper', this.queue, () =>
      this.queue.add(SWEEP_JOB, {}, { repeat: { every: this.config.sweepIntervalMs }, jobId: SWEEP_JOB_ID, removeOnComplete: true, removeOnFail: 20 }),
    );
  }

  /** Runs every registered sweep; one failing leaves the others running. */
  async sweepAll(): Promise<Record<string, number>> {
    const redriven: Record<string, number> = {};
    for (const [name, sweep] of this.sweeps) {
      try {
        redriven[name] = await sweep();
        if (redriven[name] > 0) this.logger.log(`Sweep: queued ${redriven[name]} ${name} again`);
      } catch (error) {
        this.logger.warn(`Sweep of ${name} failed: ${errorMessage(error)}`);
      }
    }
    return redriven;
  }
}
