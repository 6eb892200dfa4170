import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';
import type { ActorType } from './actor';

/** Append-only; keeps plain ids so entries outlive the users and objects they name. */
@Entity({ tableName: 'audit_log_entry' })
@Index({ properties: ['organizationId', 'createdAt', 'id'] })
export class AuditLogEntry extends BaseEntity<'ip' | 'targetId' | 'actorId' | 'actorEmail' | 'actorName' | 'organizationId' | 'details'> {
  /** Unset for platform-wide changes made in the back-office (catalog, staff logins, queues). */
  @Property({ type: 'uuid', nullable: true })
  organizationId?: string;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string;

  /** A person's e-mail, or what a system change is named by; unset for API keys. */
  @Property({ type: 'text', nullable: true })
  actorEmail?: string;

  /** An API key's name at the time of the change. */
  @Property({ type: 'text', nullable: true })
  actorName?: string;

  @Property({ type: 'text' })
  actorType!: ActorType;

  @Property({ type: 'boolean' })
  viaPartner!: boolean;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  targetType!: string;

  @Property({ type: 'uuid', nullable: true })
  targetId?: string;

  @Property({ type: 'text', nullable: true })
  ip?: string;

  /** What a staff change touched when the target alone does not say it, e.g. the fields edited. */
  @Property({ type: 'jsonb', nullable: true })
  details?: Record<string, unknown>;
}
