import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Page } from '../common/pagination';
import { notFound } from '../common/problem';
import { rawQuery } from '../database/raw-query';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';
import { OutboxService } from '../outbox/outbox.service';
import { PDF_QUEUE } from '../queue/queue-names';
import { Organization } from '../tenancy/organization.entity';
import { ReportDto, ReportOrderedDto } from './dto/report.dto';
import { Report, ReportStatus, ReportType } from './report.entity';
import { REPORT_PDF_JOB, reportJobId, reportPdfFileName } from './report.job';
import { newestFirstPage } from '../database/newest-first-page';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { ReportErrors } from './reports.errors';

export type ReportPdf = { ready: true; fileName: string; pdf: Buffer } | { ready: false; status: ReportStatus.Queued | ReportStatus.Rendering };

@Injectable()
export class ReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Records the order and queues its rendering in the same transaction. */
  async order(organizationId: string, type: ReportType, actor: Actor): Promise<ReportOrderedDto> {
    return inTransaction(this.em, async (em) => {
      const report = em.create(Report, { organization: em.getReference(Organization, organizationId), type, requestedById: actor.id });
      this.outbox.enqueue({ queue: PDF_QUEUE, jobName: REPORT_PDF_JOB, jobId: reportJobId(report.id), payload: { reportId: report.id } });
      await em.flush();
      await this.audit.record({ organizationId, actor, action: 'report.order', target: { type: 'report', id: report.id } });
      return { id: report.id, status: ReportStatus.Queued };
    });
  }

  async get(organizationId: string, reportId: string): Promise<ReportDto> {
    const report = await this.em.findOne(Report, { id: reportId, organization: organizationId });
    if (!report) throw notFound('Report');
    return toReportDto(report);
  }

  /** Newest first. */
  async list(organizationId: string, limit: number, cursor?: string): Promise<Page<ReportDto>> {
    const qb = this.em.createQueryBuilder(Report, 'r').where({ organization: organizationId });
    return newestFirstPage(qb, { property: 'createdAt', column: 'created_at' }, limit, cursor, toReportDto);
  }

  /** The bytes are read only once the report is done. */
  async pdf(organizationId: string, reportId: string): Promise<ReportPdf> {
    const [row] = await rawQuery<{ type: string; status: ReportStatus; created_at: string; failure_reason: string | null; pdf: Buffer | null }>(
      this.em,
      `select type, status, to_char(created_at at time zone 'UTC', :isoFormat) as created_at, failure_reason,
              case when status = 'done' then pdf end as pdf
         from report where id = :reportId and organization_id = :organizationId`,
      { reportId, organizationId, isoFormat: ISO_MILLISECONDS },
    );
    if (!row) throw notFound('Report');
    if (row.status === ReportStatus.Failed) throw ReportErrors.renderingFailed(row.failure_reason);
    if (row.status === ReportStatus.Done && row.pdf) return { ready: true, fileName: reportPdfFileName(row.type, new Date(row.created_at)), pdf: row.pdf };
    return { ready: false, status: row.status === ReportStatus.Rendering ? ReportStatus.Rendering : ReportStatus.Queued };
  }

  /** Part of deleting an organization: its reports go with it (a queued one then finds nothing to render). */
  async removeAll(organizationId: string): Promise<void> {
    await this.em.getContext().nativeDelete(Report, { organization: organizationId });
  }
}

export function toReportDto(report: Report): ReportDto {
  return {
    id: report.id,
    type: report.type,
    status: report.status,
    createdAt: report.createdAt.toISOString(),
    completedAt: report.completedAt?.toISOString() ?? null,
    failureReason: report.failureReason ?? null,
  };
}
