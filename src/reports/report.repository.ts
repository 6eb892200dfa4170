import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { rawQuery } from '../database/raw-query';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';
import { ReportStatus } from './report.entity';

export interface ReportFileRow {
  type: string;
  status: ReportStatus;
  createdAt: Date;
  failureReason: string | null;
  /** Only once the report is done. */
  pdf: Buffer | null;
}

/** The report row's state machine (queued → rendering → done | failed) and its file. */
@Injectable()
export class ReportRepository {
  constructor(private readonly em: EntityManager) {}

  /** The bytes are read only once the report is done. */
  async file(organizationId: OrganizationId, reportId: string): Promise<ReportFileRow | null> {
    const [row] = await rawQuery<{ type: string; status: ReportStatus; created_at: string; failure_reason: string | null; pdf: Buffer | null }>(
      this.em,
      `select type, status, to_char(created_at at time zone 'UTC', :isoFormat) as created_at, failure_reason,
              case when status = 'done' then pdf end as pdf
         from report where id = :reportId and organization_id = :organizationId`,
      { reportId, organizationId, isoFormat: ISO_MILLISECONDS },
    );
    return row ? { type: row.type, status: row.status, createdAt: new Date(row.created_at), failureReason: row.failure_reason, pdf: row.pdf } : null;
  }

  /** Marks a queued (or stalled rendering) report as rendering; null when it is done, failed or gone. */
  async claim(reportId: string, attempt: number): Promise<{ organizationId: OrganizationId; organizationDeleted: boolean } | null> {
    const [row] = await rawQuery<{ organization_id: OrganizationId; organization_deleted: boolean }>(
      this.em,
      `update report r set status = 'rendering', started_at = now(), attempts = :attempt
         from organization o
        where r.id = :reportId and o.id = r.organization_id and r.status in ('queued', 'rendering')
        returning r.organization_id, o.deleted_at is not null as organization_deleted`,
      { reportId, attempt },
    );
    return row ? { organizationId: row.organization_id, organizationDeleted: row.organization_deleted } : null;
  }

  /** Stores the PDF of a claimed report; false when it was no longer rendering (another attempt finished it). */
  async complete(reportId: string, pdf: Buffer): Promise<boolean> {
    const rows = await rawQuery<{ id: string }>(
      this.em,
      `update report set status = 'done', pdf = :pdf, completed_at = now(), failure_reason = null
        where id = :reportId and status = 'rendering'
        returning id`,
      { reportId, pdf },
    );
    return rows.length > 0;
  }

  /** A failed attempt: back to queued for the next one, or failed for good when `final`. */
  async attemptFailed(reportId: string, reason: string, final: boolean): Promise<void> {
    await rawQuery(
      this.em,
      `update report set status = cast(:status as report_status), failure_reason = :reason,
              completed_at = case when :final then now() end
        where id = :reportId and status = 'rendering'`,
      { reportId, reason, status: final ? ReportStatus.Failed : ReportStatus.Queued, final },
    );
  }

  /** Fails a report that is not done yet, from outside any request context (the queue's stalled handler). */
  async markFailed(reportId: string, reason: string): Promise<void> {
    await rawQuery(
      this.em.fork(),
      `update report set status = 'failed', failure_reason = :reason, completed_at = now()
        where id = :reportId and status in ('queued', 'rendering')`,
      { reportId, reason },
    );
  }
}
