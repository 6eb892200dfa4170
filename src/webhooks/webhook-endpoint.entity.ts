import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';
import { Organization } from '../tenancy/organization.entity';
import type { WebhookEventType } from '../webhook-events/webhook-event-types';

/** An organization's receiver of events; its signing secrets are stored sealed (SecretBox), as they must be used, not only compared. */
@Entity({ tableName: 'webhook_endpoint' })
@Index({ properties: ['organization', 'createdAt', 'id'] })
export class WebhookEndpoint extends BaseEntity<
  'description' | 'includeCustomers' | 'previousSecretCiphertext' | 'previousSecretExpiresAt' | 'failingSince' | 'disabledAt' | 'disabledReason' | 'updatedAt'
> {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'text[]' })
  events!: WebhookEventType[];

  /** A partner's endpoint also hears the events of its linked customer organizations. */
  @Property({ type: 'boolean', default: false })
  includeCustomers: boolean = false;

  @Property({ type: 'text', hidden: true })
  secretCiphertext!: string;

  /** The secret before the last rotation: deliveries carry both signatures until it expires. */
  @Property({ type: 'text', nullable: true, hidden: true })
  previousSecretCiphertext?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt?: Date | null;

  /** The first failed attempt since the last success; after WEBHOOK_DISABLE_AFTER_DAYS of that the endpoint is disabled. */
  @Property({ type: 'timestamptz', nullable: true })
  failingSince?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  disabledReason?: string | null;

  /** Who created it, as the audit log names them (a person's e-mail or an API key's name). */
  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
