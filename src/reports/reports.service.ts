import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { Page } from '../common/pagination';
import { notFound } from '../common/domain-error';
import { ReportRepository } from './report.repository';
import { OutboxService } from '../outbox/outbox.service';
import { PDF_QUEUE } from '../queue/queue-names';
import { Organization } from '../tenancy/organization.entity';
import { ReportDto, ReportOrderedDto } from './dto/report.dto';
import { Report, ReportStatus, ReportType } from './report.entity';
import { REPORT_PDF_JOB, reportJobId, reportPdfFileName } from './report.job';
import { keysetPage, newestFirst } from '../database/keyset-page';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { ReportErrors } from './reports.errors';

export type ReportPdf = { ready: true; fileName: string; pdf: Buffer } | { ready: false; status: ReportStatus.Queued | ReportStatus.Rendering };

@Injectable()
export class ReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly reports: ReportRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Records the order and queues its rendering in the same transaction. */
  async order(organizationId: OrganizationId, type: ReportType, actor: Actor): Promise<ReportOrderedDto> {
    return inTransaction(this.em, async (em) => {
      const report = em.create(Report, { organization: em.getReference(Organization, organizationId), type, requestedById: actor.id });
      this.outbox.enqueue({ queue: PDF_QUEUE, jobName: REPORT_PDF_JOB, jobId: reportJobId(report.id), payload: { reportId: report.id } });
      await em.flush();
      await this.audit.record({ organizationId, actor, action: 'report.order', target: { type: 'report', id: report.id } });
      return { id: report.id, status: ReportStatus.Queued };
    });
  }

  async get(organizationId: OrganizationId, reportId: string): Promise<ReportDto> {
    const report = await this.em.findOne(Report, { id: reportId, organization: organizationId });
    if (!report) throw notFound('Report');
    return toReportDto(report);
  }

  /** Newest first. */
  async list(organizationId: OrganizationId, limit: number, cursor?: string): Promise<Page<ReportDto>> {
    const qb = this.em.createQueryBuilder(Report, 'r').where({ organization: organizationId });
    return keysetPage(qb, newestFirst<Report>('createdAt', 'created_at'), limit, cursor, toReportDto);
  }

  /** The bytes are read only once the report is done. */
  async pdf(organizationId: OrganizationId, reportId: string): Promise<ReportPdf> {
    const row = await this.reports.file(organizationId, reportId);
    if (!row) throw notFound('Report');
    if (row.status === ReportStatus.Failed) throw ReportErrors.renderingFailed(row.failureReason);
    if (row.status === ReportStatus.Done && row.pdf) return { ready: true, fileName: reportPdfFileName(row.type, row.createdAt), pdf: row.pdf };
    return { ready: false, status: row.status === ReportStatus.Rendering ? ReportStatus.Rendering : ReportStatus.Queued };
  }

  /** Part of deleting an organization: its reports go with it (a queued one then finds nothing to render). */
  async removeAll(organizationId: OrganizationId): Promise<void> {
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
