import { Entity, Enum, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

export enum MailDeliveryStatus {
  Pending = 'pending',
  /** Claimed by a worker that is sending it right now, or died doing so (left for staff, never resent). */
  Sending = 'sending',
  Sent = 'sent',
  Failed = 'failed',
}

/**
 * One mail to send. Jobs carry its id; the template data is loaded from the
 * database when the mail is rendered. `secretCiphertext` holds the one secret a
 * mail may carry (a generated password), AES-GCM encrypted, erased once sent.
 */
@Entity({ tableName: 'mail_delivery' })
export class MailDelivery extends BaseEntity<'status' | 'sentAt' | 'attempts' | 'lastError' | 'secretCiphertext' | 'organizationId' | 'dedupeKey' | 'claimedAt'> {
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

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;
}
