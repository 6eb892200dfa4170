import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

/**
 * A request made with an Idempotency-Key and the response it got. Inserted first
 * in the request's transaction: a concurrent request with the same key waits on
 * the unique index until the first commits, then replays its response.
 */
@Entity({ tableName: 'idempotency_key' })
@Unique({ properties: ['organizationId', 'key'] })
@Index({ properties: ['createdAt'] })
export class IdempotencyKey extends BaseEntity<'responseStatus' | 'responseBody'> {
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text' })
  key!: string;

  /** "POST /organizations/:orgId/subscription" — a key is bound to one operation. */
  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  @Property({ type: 'integer', nullable: true })
  responseStatus?: number;

  @Property({ type: 'jsonb', nullable: true })
  responseBody?: unknown;
}
