import { Entity, Enum, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Organization } from '../tenancy/organization.entity';
import type { LicenseSource } from './license-limit';

/**
 * One organization's licences on one day (UTC), for usage reports: the highest limit and hosts seen
 * that day. Written by the snapshot job, idempotently: a second run of the day only raises them.
 */
@Entity({ tableName: 'license_usage_snapshot' })
export class LicenseUsageSnapshot {
  [PrimaryKeyProp]?: ['organization', 'day'];

  @ManyToOne(() => Organization, { primary: true, deleteRule: 'cascade' })
  organization!: Organization;

  @Property({ type: 'date', primary: true })
  day!: string;

  @Property({ type: 'integer' })
  licensesLimit!: number;

  @Property({ type: 'integer' })
  licensesUsed!: number;

  @Enum({ items: ['subscription', 'trial', 'none'], nativeEnumName: 'license_source' })
  source!: LicenseSource;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
