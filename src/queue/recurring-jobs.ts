import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { errorMessage } from '../common/error-message';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

interface KeptSchedule {
  description: string;
  queue: Queue;
  register: () => Promise<unknown>;
  failing: boolean;
}

/**
 * Keeps this worker's repeatable jobs registered: at start-up and again every sweep interval, so a
 * Redis that lost them (restarted empty, flushed) has them back within that interval, with no
 * worker restart. Registering a repeatable job that exists changes nothing (Bull keys it by name,
 * schedule and job id), so any number of workers keep one schedule. Start-up never waits for Redis.
 */
@Injectable()
export class RecurringJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecurringJobs.name);
  private readonly kept: KeptSchedule[] = [];
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  keep(description: string, queue: Queue, register: () => Promise<unknown>): void {
    this.kept.push({ description, queue, register, failing: false });
  }

  onApplicationBootstrap(): void {
    void this.ensureAll();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async ensureAll(): Promise<void> {
    for (const schedule of this.kept) {
      if (this.stopped) return;
      // Commands issued while Redis is away wait in ioredis' offline queue and fail when the connection drops.
      if (schedule.queue.client.status !== 'ready') continue;
      try {
        await schedule.register();
        if (schedule.failing) this.logger.log(`Scheduled the ${schedule.description} again`);
        schedule.failing = false;
      } catch (error) {
        if (!schedule.failing) this.logger.warn(`Could not schedule the ${schedule.description} (trying again): ${errorMessage(error)}`);
        schedule.failing = true;
      }
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.ensureAll(), this.config.sweepIntervalMs);
    this.timer.unref();
  }
}
