import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { preparedQuery, rawQuery } from '../database/raw-query';
import type { WebhookEventBody } from '../webhook-events/webhook-event-types';

/** A delivery as one attempt sees it, just after claiming it, with what it needs of its endpoint. */
export interface ClaimedWebhookDelivery {
  id: string;
  eventId: string;
  payload: WebhookEventBody;
  /** This attempt's number (attempts so far, this one included). */
  attempts: number;
  /** This claim's time: the fence of every later write of the attempt. */
  claimedAt: Date;
  endpointId: string;
  organizationId: string;
  url: string;
  secretCiphertexts: string[];
}

interface ClaimedRow {
  id: string;
  event_id: string;
  payload: WebhookEventBody;
  attempts: number;
  endpoint_id: string;
  organization_id: string;
  url: string;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
}

export interface AttemptOutcome {
  at: Date;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
}

/** The statements every delivery attempt runs, as prepared statements: a fan-out of thousands of events runs them per delivery. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Claims the delivery for one attempt: a pending one that is due (or was never scheduled), or
   * one whose claim is older than the lease (its worker died). Null when there is nothing to do:
   * delivered, failed for good, not due, claimed by a live worker, or its endpoint is disabled or
   * its organization deleted (the delivery waits: re-enabling the endpoint sends it).
   */
  async claim(deliveryId: string, leaseCutoff: Date, now: Date): Promise<ClaimedWebhookDelivery | null> {
    const [row] = await preparedQuery<ClaimedRow>(
      this.em,
      `update webhook_delivery d
          set status = 'sending', claimed_at = :now, attempts = d.attempts + 1
         from webhook_endpoint e
         join organization o on o.id = e.organization_id
        where d.id = :id and e.id = d.endpoint_id and e.disabled_at is null and o.deleted_at is null
          and ((d.status = 'pending' and (d.next_attempt_at is null or d.next_attempt_at <= :now))
            or (d.status = 'sending' and d.claimed_at < :leaseCutoff))
       returning d.id, d.event_id, d.payload, d.attempts, e.id as endpoint_id, e.organization_id, e.url, e.secret_ciphertext,
                 case when e.previous_secret_expires_at > :now then e.previous_secret_ciphertext end as previous_secret_ciphertext`,
      { id: deliveryId, now, leaseCutoff },
    );
    if (!row) return null;
    return {
      id: row.id,
      eventId: row.event_id,
      payload: row.payload,
      attempts: row.attempts,
      claimedAt: now,
      endpointId: row.endpoint_id,
      organizationId: row.organization_id,
      url: row.url,
      secretCiphertexts: [row.secret_ciphertext, ...(row.previous_secret_ciphertext ? [row.previous_secret_ciphertext] : [])],
    };
  }

  /** Delivered: the endpoint is healthy again. */
  async markSucceeded(delivery: ClaimedWebhookDelivery, outcome: AttemptOutcome): Promise<void> {
    await preparedQuery(
      this.em,
      `with done as (
         update webhook_delivery
            set status = 'succeeded', succeeded_at = :at, last_attempt_at = :at, response_status = :responseStatus,
                duration_ms = :durationMs, last_error = null, next_attempt_at = null, claimed_at = null
          where id = :id and claimed_at = :claimedAt
          returning endpoint_id
       )
       update webhook_endpoint set failing_since = null where id in (select endpoint_id from done) and failing_since is not null`,
      { id: delivery.id, claimedAt: delivery.claimedAt, ...outcome },
    );
  }

  /**
   * A failed attempt: pending again until `nextAttemptAt`, or failed for good when it is null. The
   * endpoint's failing streak starts now unless it already runs; returns when it started.
   */
  async markFailed(delivery: ClaimedWebhookDelivery, outcome: AttemptOutcome, nextAttemptAt: Date | null): Promise<Date | null> {
    const [row] = await preparedQuery<{ failing_since: string }>(
      this.em,
      `with done as (
         update webhook_delivery
            set status = cast(case when cast(:nextAttemptAt as timestamptz) is null then 'failed' else 'pending' end as webhook_delivery_status),
                next_attempt_at = :nextAttemptAt, last_attempt_at = :at, response_status = :responseStatus,
                duration_ms = :durationMs, last_error = :error, claimed_at = null
          where id = :id and claimed_at = :claimedAt
          returning endpoint_id
       )
       update webhook_endpoint set failing_since = coalesce(failing_since, :at)
        where id in (select endpoint_id from done)
       returning failing_since`,
      { id: delivery.id, claimedAt: delivery.claimedAt, nextAttemptAt, ...outcome },
    );
    return row ? new Date(row.failing_since) : null;
  }

  /**
   * Deliveries the sweep queues again: due retries, first attempts whose job was lost, and attempts
   * whose worker died; none of a disabled endpoint or a deleted organization.
   */
  due(now: Date, stuckCutoff: Date, leaseCutoff: Date, limit: number): Promise<{ id: string; status: string; attempts: number; next_attempt_at: string | null }[]> {
    return rawQuery(
      this.em.fork(),
      `select d.id, d.status, d.attempts, d.next_attempt_at
         from webhook_delivery d
         join webhook_endpoint e on e.id = d.endpoint_id and e.disabled_at is null
         join organization o on o.id = e.organization_id and o.deleted_at is null
        where (d.status = 'pending' and d.next_attempt_at <= :now)
           or (d.status = 'pending' and d.next_attempt_at is null and d.created_at < :stuckCutoff)
           or (d.status = 'sending' and d.claimed_at < :leaseCutoff)
        order by d.created_at
        limit :limit`,
      { now, stuckCutoff, leaseCutoff, limit },
    );
  }

  /** Its worker died during the last attempt the schedule allows. */
  async failAfterDeadWorker(deliveryId: string, attempts: number): Promise<void> {
    await rawQuery(
      this.em.fork(),
      `update webhook_delivery set status = 'failed', claimed_at = null, last_error = 'its worker died during the last attempt'
        where id = :id and status = 'sending' and attempts = :attempts`,
      { id: deliveryId, attempts },
    );
  }
}
