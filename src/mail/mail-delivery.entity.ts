import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

export enum MailDeliveryStatus {
  /** Waiting for its first attempt or, with `nextAttemptAt`, for a retry: it never reached SMTP, or may have and is resent. */
  Pending = 'pending',
  /** Claimed by a worker until `claimedAt` + the lease; `smtpStartedAt` set: the SMTP transaction began, it may have been sent. */
  Sending = 'sending',
  Sent = 'sent',
  /** The retry schedule is spent (or the mail cannot be built); staff see it in the back-office. */
  Failed = 'failed',
}

/**
 * One mail to send. Jobs carry its id; the template data is loaded from the
 * database when the mail is rendered. `secretCiphertext` holds the one secret a
 * mail may carry (a generated password), AES-GCM encrypted, erased once sent.
 */
@Entity({ tableName: 'mail_delivery' })
@Index({
  name: 'mail_delivery_due_index',
  expression: `create index "mail_delivery_due_index" on "mail_delivery" ("status", "next_attempt_at") where "status" not in ('sent', 'failed')`,
})
@Index({
  name: 'mail_delivery_unreported_failure_index',
  expression: `create index "mail_delivery_unreported_failure_index" on "mail_delivery" ("created_at") where "status" = 'failed' and "failure_report_id" is null`,
})
@Index({
  name: 'mail_delivery_failure_report_index',
  expression: `create index "mail_delivery_failure_report_index" on "mail_delivery" ("failure_report_id") where "failure_report_id" is not null`,
})
export class MailDelivery extends BaseEntity<
  'status' | 'sentAt' | 'attempts' | 'lastError' | 'secretCiphertext' | 'organizationId' | 'dedupeKey' | 'claimedAt' | 'nextAttemptAt' | 'smtpStartedAt' | 'failureReportId'
> {
  @Property({ type: 'text' })
  template!: string;

  @Property({ type: 'text' })
  recipient!: string;

  @Property({ type: 'uuid', nullable: true })
  organizationId?: string;

  /** Ids the template needs (userId, organizationId, ...), never copies of data. */
  @Property({ type: 'jsonb' })
  references!: Record<string, string>;

  /** Makes a mail unique (e.g. `invoice:<id>`): whoever queues it again finds it and queues none. */
  @Property({ type: 'text', nullable: true, unique: 'mail_delivery_dedupe_key_unique' })
  dedupeKey?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  secretCiphertext?: string | null;

  @Enum({ items: () => MailDeliveryStatus, nativeEnumName: 'mail_delivery_status', default: MailDeliveryStatus.Pending })
  status: MailDeliveryStatus = MailDeliveryStatus.Pending;

  /** When a worker claimed it for sending (status `sending`). */
  @Property({ type: 'timestamptz', nullable: true })
  claimedAt?: Date | null;

  /** When the SMTP transaction of the current claim began; a crash after it means "may have been sent" (resent with the same Message-ID). */
  @Property({ type: 'timestamptz', nullable: true })
  smtpStartedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  /** Claims so far: each attempt counts when a worker claims it, so one that died counts too. */
  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  /** When a pending delivery is due again after a failed attempt (MAIL_RETRY_SCHEDULE_SECONDS). */
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /** The staff report that told about this failed delivery (DeliveryFailureReport); each is reported once. */
  @Property({ type: 'uuid', nullable: true })
  failureReportId?: string | null;
}

/** A claim made before this instant has outlived its lease: the worker holding it died. */
export const claimLeaseCutoff = (leaseMs: number, now = new Date()): Date => new Date(now.getTime() - leaseMs);

/** Whether a `sending` delivery's claim has outlived its lease. */
export const claimExpired = (delivery: Pick<MailDelivery, 'claimedAt'>, leaseMs: number, now = new Date()): boolean =>
  (delivery.claimedAt?.getTime() ?? 0) < claimLeaseCutoff(leaseMs, now).getTime();
