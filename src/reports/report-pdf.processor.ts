import { CreateRequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { renderInventoryReportPdf } from '../../libs/pdf';
import { rawQuery } from '../database/raw-query';
import { PDF_QUEUE } from '../queue/queue-names';
import { InventoryReportLoader } from './inventory-report.loader';
import { ReportStatus } from './report.entity';
import { REPORT_PDF_JOB, ReportPdfJob } from './report.job';
import { errorMessage } from '../common/error-message';
import { processJobs } from '../queue/process-jobs';

/** Rendering is CPU-bound: one at a time per worker process; scale by running more workers. */
const CONCURRENCY = 1;
const STALLED_MESSAGE = 'job stalled more than allowable limit';

/** Rendering cannot succeed however often it is retried. */
class PermanentReportFailure extends Error {}

/**
 * Renders ordered reports. Each attempt claims the report (queued → rendering; also rendering →
 * rendering, when Bull hands over the job of a worker that died), and only a claimed report is
 * finished, so a report becomes done exactly once. A failed attempt puts the report back to
 * queued while Bull retries it, and to failed with the reason after the last one; a job Bull gives
 * up on because its workers kept dying is marked failed from the queue's failed event.
 */
@Injectable()
export class ReportPdfProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportPdfProcessor.name);

  constructor(
    @InjectQueue(PDF_QUEUE) private readonly queue: Queue<ReportPdfJob>,
    private readonly em: EntityManager,
    private readonly loader: InventoryReportLoader,
  ) {}

  onApplicationBootstrap(): void {
    processJobs(this.queue, REPORT_PDF_JOB, CONCURRENCY, (job) => this.handle(job), this.logger);
    this.queue.on('failed', (job: Job<ReportPdfJob>, error: Error) => {
      if (job?.name !== REPORT_PDF_JOB || error?.message !== STALLED_MESSAGE) return;
      this.markFailed(job.data.reportId, 'The rendering worker stopped responding repeatedly.').catch((markError: unknown) =>
        this.logger.error(`Could not mark report ${job.data.reportId} failed: ${String(markError)}`),
      );
    });
  }

  handle(job: Job<ReportPdfJob>): Promise<void> {
    return this.render(job.data.reportId, job.attemptsMade + 1, job.opts.attempts ?? 1);
  }

  @CreateRequestContext()
  async render(reportId: string, attempt: number, maxAttempts: number): Promise<void> {
    const [claimed] = await rawQuery<{ organization_id: string; organization_deleted: boolean }>(
      this.em,
      `update report r set status = 'rendering', started_at = now(), attempts = :attempt
         from organization o
        where r.id = :reportId and o.id = r.organization_id and r.status in ('queued', 'rendering')
        returning r.organization_id, o.deleted_at is not null as organization_deleted`,
      { reportId, attempt },
    );
    // Done or failed already, or gone with its organization.
    if (!claimed) return;

    try {
      if (claimed.organization_deleted) throw new PermanentReportFailure('The organization was deleted before the report was rendered.');
      const data = await this.loader.load(claimed.organization_id, new Date());
      const pdf = await renderInventoryReportPdf(data);
      await rawQuery(
        this.em,
        `update report set status = 'done', pdf = :pdf, completed_at = now(), failure_reason = null
          where id = :reportId and status = 'rendering'`,
        { reportId, pdf },
      );
    } catch (error) {
      const reason = errorMessage(error);
      const final = error instanceof PermanentReportFailure || attempt >= maxAttempts;
      await rawQuery(
        this.em,
        `update report set status = cast(:status as report_status), failure_reason = :reason,
                completed_at = case when :final then now() end
          where id = :reportId and status = 'rendering'`,
        { reportId, reason, status: final ? ReportStatus.Failed : ReportStatus.Queued, final },
      );
      this.logger.warn(`Report ${reportId} attempt ${attempt}/${maxAttempts} failed${final ? ' for good' : ''}: ${reason}`);
      if (!final) throw error;
    }
  }

  private async markFailed(reportId: string, reason: string): Promise<void> {
    await rawQuery(
      this.em.fork(),
      `update report set status = 'failed', failure_reason = :reason, completed_at = now()
        where id = :reportId and status in ('queued', 'rendering')`,
      { reportId, reason },
    );
  }
}
