import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { asOrganizationId } from '../common/organization-id';
import { inOwnTransaction } from '../database/transaction';
import { Sweeper } from '../queue/sweeper';
import { WebhookEvents } from '../webhook-events/webhook-events.service';
import { WebhookRepository } from './webhook.repository';

/** trial.ending is fired this long before a trial ends. */
export const TRIAL_ENDING_NOTICE_MS = 3 * 86_400_000;
/** trial.ended is still fired this long after a trial ended (workers that were down catch up). */
const TRIAL_ENDED_CATCH_UP_MS = 86_400_000;
/** How often a worker looks for trials ending; events are deduplicated, so workers looking at once fire each once. */
const SCAN_INTERVAL_MS = 15 * 60_000;

/**
 * Fires `trial.ending` (three days before) and `trial.ended` for organizations with trial licences
 * whose trial ends, once per trial and endpoint (their dedupe key holds the trial's end, so a trial
 * extended by staff is announced again). Runs with the sweeper, at most every 15 minutes per
 * worker; only organizations someone subscribed for are looked at.
 */
@Injectable()
export class TrialEvents implements OnApplicationBootstrap {
  constructor(
    private readonly em: EntityManager,
    private readonly events: WebhookEvents,
    private readonly sweeper: Sweeper,
    private readonly webhooks: WebhookRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper.registerEvery('trial events', SCAN_INTERVAL_MS, () => this.fireDue());
  }

  /** Returns how many deliveries it queued. */
  async fireDue(now = new Date()): Promise<number> {
    const trials = await this.webhooks.trialsEndingBetween(new Date(now.getTime() - TRIAL_ENDED_CATCH_UP_MS), new Date(now.getTime() + TRIAL_ENDING_NOTICE_MS));
    let queued = 0;
    for (const trial of trials) {
      const endsAt = new Date(trial.trial_ends_at);
      const type = endsAt <= now ? 'trial.ended' : 'trial.ending';
      queued += await inOwnTransaction(this.em, () =>
        this.events.publish(
          { type, organizationId: asOrganizationId(trial.id), data: { trialEndsAt: endsAt.toISOString() }, dedupeKey: `${type}:${trial.id}:${endsAt.getTime()}` },
          now,
        ),
      );
    }
    return queued;
  }
}
