import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Sweeper } from '../queue/sweeper';
import { LicensingRepository } from './licensing.repository';

/** How often a worker records the day's licence usage; each run only raises the day's figures. */
const RECORD_INTERVAL_MS = 60 * 60_000;

/**
 * Daily licence usage per organization for the partners' usage reports (licence-days, peaks):
 * recorded with the sweeper, at most hourly per worker, in one idempotent statement for all
 * organizations, so several workers or a missed hour change nothing but the peaks.
 */
@Injectable()
export class LicenseUsageSnapshots implements OnApplicationBootstrap {
  constructor(
    private readonly licensing: LicensingRepository,
    private readonly sweeper: Sweeper,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper.registerEvery('licence usage snapshots', RECORD_INTERVAL_MS, async () => {
      await this.record();
      return 0; // nothing was stuck: the sweeper's count is of work queued again
    });
  }

  /** Returns how many organizations were recorded for the day of `now` (UTC). */
  record(now = new Date()): Promise<number> {
    return this.licensing.recordUsage(now.toISOString().slice(0, 10), now);
  }
}
