import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

/**
 * A queue job written in the same transaction as the change that caused it;
 * the relay moves it to Bull after commit, so no job is lost when Redis is down.
 */
@Entity({ tableName: 'outbox_message' })
@Index({ name: 'outbox_message_pending_idx', expression: 'create index "outbox_message_pending_idx" on "outbox_message" ("created_at") where "dispatched_at" is null' })
export class OutboxMessage extends BaseEntity<'dispatchedAt' | 'attempts' | 'lastError'> {
  @Property({ type: 'text' })
  queue!: string;

  @Property({ type: 'text' })
  jobName!: string;

  /** Bull jobId: derived from the business key so a relayed twice job runs once. */
  @Property({ type: 'text', unique: true })
  jobId!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz', nullable: true })
  dispatchedAt?: Date;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string;
}
