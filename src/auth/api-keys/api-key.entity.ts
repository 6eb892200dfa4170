import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';
import { Organization } from '../../tenancy/organization.entity';
import type { Capability } from '../../authz/permission-table';

/** An organization's credential for REST clients; only the SHA-256 of its token is stored. */
@Entity({ tableName: 'api_key' })
@Index({ properties: ['organization', 'createdAt', 'id'] })
export class ApiKey extends BaseEntity<'lastUsedAt' | 'lastUsedIp' | 'revokedAt' | 'createdById'> {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @Property({ type: 'text' })
  name!: string;

  /** The start of the token (`phk_` and 8 characters), to tell keys apart in lists. */
  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'text[]' })
  scopes!: Capability[];

  /** Who created it; plain id and e-mail, so the key outlives its creator's membership. */
  @Property({ type: 'uuid', nullable: true })
  createdById?: string;

  @Property({ type: 'text' })
  createdByEmail!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Written at most once a minute. */
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date;

  @Property({ type: 'text', nullable: true })
  lastUsedIp?: string;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;
}
