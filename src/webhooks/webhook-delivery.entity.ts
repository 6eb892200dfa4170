import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import type { WebhookEventBody } from '../webhook-events/webhook-event-types';

export enum WebhookDeliveryStatus {
  Pending = 'pending',
  Sending = 'sending',
  Succeeded = 'succeeded',
  Failed = 'failed',
}

/**
 * One event for one endpoint, its state durable in PostgreSQL like a mail's: claimed per attempt
 * with a lease, retried on WEBHOOK_RETRY_SCHEDULE_SECONDS by the sweeper, so retries survive Redis.
 * `eventId` is the `webhook-id` header: the same for every attempt and for every endpoint the
 * event went to, so receivers can drop duplicates.
 */
@Entity({ tableName: 'webhook_delivery' })
@Index({ properties: ['endpoint', 'createdAt', 'id'] })
@Index({
  name: 'webhook_delivery_due_idx',
  expression: `create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at") where "status" in ('pending', 'sending')`,
})
export class WebhookDelivery extends BaseEntity<
  'status' | 'attempts' | 'nextAttemptAt' | 'claimedAt' | 'lastAttemptAt' | 'responseStatus' | 'durationMs' | 'lastError' | 'succeededAt'
> {
  @ManyToOne(() => WebhookEndpoint, { deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  eventType!: string;

  /** The body as signed and sent: `{type, timestamp, data}`. */
  @Property({ type: 'jsonb' })
  payload!: WebhookEventBody;

  /** One delivery per endpoint and business event (e.g. one `trial.ending` per trial); null when the event cannot repeat. */
  @Property({ type: 'text', nullable: true, unique: true })
  dedupeKey?: string | null;

  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: 'webhook_delivery_status', default: WebhookDeliveryStatus.Pending })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.Pending;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  claimedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt?: Date | null;

  /** The HTTP status of the last attempt's answer; null when there was none (refused, timed out, unreachable). */
  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  @Property({ type: 'integer', nullable: true })
  durationMs?: number | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  succeededAt?: Date | null;
}
