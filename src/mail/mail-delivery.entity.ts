import { Entity, Enum, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

export enum MailDeliveryStatus {
  Pending = 'pending',
  Sent = 'sent',
  Failed = 'failed',
}

/**
 * One mail to send. Jobs carry its id; the template data is loaded from the
 * database when the mail is rendered. `secretCiphertext` holds the one secret a
 * mail may carry (a generated password), AES-GCM encrypted, erased once sent.
 */
@Entity({ tableName: 'mail_delivery' })
export class MailDelivery extends BaseEntity<'status' | 'sentAt' | 'attempts' | 'lastError' | 'secretCiphertext' | 'organizationId'> {
  @Property({ type: 'text' })
  template!: string;

  @Property({ type: 'text' })
  recipient!: string;

  @Property({ type: 'uuid', nullable: true })
  organizationId?: string;

  /** Ids the template needs (userId, organizationId, ...), never copies of data. */
  @Property({ type: 'jsonb' })
  references!: Record<string, string>;

  @Property({ type: 'text', nullable: true, hidden: true })
  secretCiphertext?: string | null;

  @Enum({ items: () => MailDeliveryStatus, nativeEnumName: 'mail_delivery_status', default: MailDeliveryStatus.Pending })
  status: MailDeliveryStatus = MailDeliveryStatus.Pending;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;
}
