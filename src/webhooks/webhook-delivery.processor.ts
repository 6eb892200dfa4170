import { CreateRequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { errorMessage } from '../common/error-message';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SecretBox } from '../mail/secret-box';
import { RELAYED_JOB_OPTIONS } from '../outbox/outbox-relay.service';
import { processJobs } from '../queue/process-jobs';
import { WEBHOOK_QUEUE } from '../queue/queue-names';
import { REDRIVE_BATCH, STUCK_AFTER_MS, Sweeper } from '../queue/sweeper';
import { AttemptOutcome, ClaimedWebhookDelivery, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDisabling } from './webhook-disabling';
import { DELIVER_WEBHOOK_JOB, DeliverWebhookJob, dueDeliveryJobId } from '../webhook-events/webhook-jobs';
import { WebhookSender } from './webhook-sender';
import { signatureHeader } from './webhook-signature';

/** Attempts one worker process runs at once: receivers are remote and mostly waiting. */
const CONCURRENCY = 32;

/**
 * Sends webhook deliveries: claims one (a lease, so a dead worker's delivery is taken over), signs
 * it with the endpoint's secrets at the attempt's time, POSTs it, and records the answer. A failed
 * attempt is retried after the next delay of WEBHOOK_RETRY_SCHEDULE_SECONDS, by a delayed job and,
 * should Redis lose it, by the sweeper; after the last the delivery is failed (a manual retry can
 * still send it). An endpoint that accepted nothing for WEBHOOK_DISABLE_AFTER_DAYS is disabled.
 */
@Injectable()
export class WebhookDeliveryProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);
  private readonly retryScheduleMs: number[];
  private readonly leaseMs: number;

  constructor(
    @InjectQueue(WEBHOOK_QUEUE) private readonly queue: Queue<DeliverWebhookJob>,
    private readonly em: EntityManager,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly sender: WebhookSender,
    private readonly secretBox: SecretBox,
    private readonly disabling: WebhookDisabling,
    private readonly sweeper: Sweeper,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.retryScheduleMs = config.webhooks.retryScheduleMs;
    this.leaseMs = config.webhooks.claimLeaseMs;
  }

  onApplicationBootstrap(): void {
    processJobs(this.queue, DELIVER_WEBHOOK_JOB, CONCURRENCY, (job) => this.deliver(job.data.deliveryId), this.logger);
    this.sweeper.register('webhook deliveries', () => this.redrive());
  }

  @CreateRequestContext()
  async deliver(deliveryId: string): Promise<void> {
    const now = new Date();
    const delivery = await this.deliveries.claim(deliveryId, new Date(now.getTime() - this.leaseMs), now);
    if (!delivery) return;
    const body = JSON.stringify(delivery.payload);
    const secrets = delivery.secretCiphertexts.map((sealed) => this.secretBox.open(sealed));
    const response = await this.sender.post({
      url: delivery.url,
      body,
      headers: {
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signatureHeader(secrets, delivery.eventId, now, body),
      },
    });
    const outcome: AttemptOutcome = { at: now, responseStatus: response.status, durationMs: response.durationMs, error: response.error ?? null };
    if (response.ok) {
      await this.deliveries.markSucceeded(delivery, outcome);
      return;
    }
    await this.recordFailure(delivery, outcome);
  }

  private async recordFailure(delivery: ClaimedWebhookDelivery, outcome: AttemptOutcome): Promise<void> {
    const delayMs = this.retryScheduleMs[delivery.attempts - 1];
    const nextAttemptAt = delayMs === undefined ? null : new Date(outcome.at.getTime() + delayMs);
    const failingSince = await this.deliveries.markFailed(delivery, outcome, nextAttemptAt);
    if (nextAttemptAt) {
      await this.queue
        .add(DELIVER_WEBHOOK_JOB, { deliveryId: delivery.id }, { ...RELAYED_JOB_OPTIONS, jobId: dueDeliveryJobId(delivery.id, delivery.attempts, nextAttemptAt), delay: delayMs })
        .catch((error: unknown) => this.logger.warn(`Webhook delivery ${delivery.id}: retry left to the sweeper (${errorMessage(error)})`));
    } else {
      this.logger.warn(`Webhook delivery ${delivery.id} to ${delivery.url} failed for good after ${delivery.attempts} attempt(s): ${outcome.error}`);
    }
    if (failingSince && outcome.at.getTime() - failingSince.getTime() >= this.config.webhooks.disableAfterMs) {
      await this.disabling.disable(delivery.endpointId, failingSince);
    }
  }

  /**
   * The sweep: queues every delivery that is due (its retry time has come, its first job was lost,
   * or its worker died) with the job id of its next attempt, which a delayed retry job already
   * queued has too, so each attempt runs once. A delivery whose worker died during its last attempt fails.
   */
  async redrive(now = new Date()): Promise<number> {
    const due = await this.deliveries.due(now, new Date(now.getTime() - STUCK_AFTER_MS), new Date(now.getTime() - this.leaseMs), REDRIVE_BATCH);
    let queued = 0;
    for (const delivery of due) {
      if (delivery.status === 'sending' && delivery.attempts > this.retryScheduleMs.length) {
        await this.deliveries.failAfterDeadWorker(delivery.id, delivery.attempts);
        continue;
      }
      const dueAt = delivery.status === 'pending' && delivery.next_attempt_at ? new Date(delivery.next_attempt_at) : null;
      await this.queue.add(DELIVER_WEBHOOK_JOB, { deliveryId: delivery.id }, { ...RELAYED_JOB_OPTIONS, jobId: dueDeliveryJobId(delivery.id, delivery.attempts, dueAt) });
      queued += 1;
    }
    return queued;
  }
}
