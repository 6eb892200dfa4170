import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';
import { Organization } from '../tenancy/organization.entity';

export enum ReportType {
  Inventory = 'inventory',
}

/**
 * queued → rendering → done, or failed with a reason once the retries are spent. A render that
 * fails and will be retried goes back to queued, so `rendering` always means a worker is on it now.
 */
export enum ReportStatus {
  Queued = 'queued',
  Rendering = 'rendering',
  Done = 'done',
  Failed = 'failed',
}

@Entity({ tableName: 'report' })
@Index({ properties: ['organization', 'createdAt', 'id'] })
export class Report extends BaseEntity<'status' | 'attempts' | 'failureReason' | 'startedAt' | 'completedAt' | 'pdf' | 'requestedById'> {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @Enum({ items: () => ReportType, nativeEnumName: 'report_type' })
  type!: ReportType;

  @Enum({ items: () => ReportStatus, nativeEnumName: 'report_status', default: ReportStatus.Queued })
  status: ReportStatus = ReportStatus.Queued;

  /** Who ordered it; kept as a plain id so removing the user keeps the report. */
  @Property({ type: 'uuid', nullable: true })
  requestedById?: string | null;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  failureReason?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'blob', nullable: true, lazy: true })
  pdf?: Buffer | null;
}
