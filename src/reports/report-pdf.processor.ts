import { CreateRequestContext } from '@mikro-orm/core';
import { WebhookEvents } from '../webhook-events/webhook-events.service';
import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { PDF_QUEUE } from '../queue/queue-names';
import { InventoryReportLoader } from './inventory-report.loader';
import { ReportRepository } from './report.repository';
import { REPORT_PDF_JOB, ReportPdfJob, reportJobId } from './report.job';
import { Report, ReportStatus } from './report.entity';
import { errorMessage } from '../common/error-message';
import { processJobs } from '../queue/process-jobs';
import { REDRIVE_BATCH, STUCK_AFTER_MS, Sweeper } from '../queue/sweeper';
import { RELAYED_JOB_OPTIONS } from '../outbox/outbox-relay.service';
import { PdfRenderPool } from '../rendering/pdf-render-pool';
import { inOwnTransaction } from '../database/transaction';

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
    // @CreateRequestContext forks this one for each job.
    private readonly em: EntityManager,
    private readonly reports: ReportRepository,
    private readonly loader: InventoryReportLoader,
    private readonly sweeper: Sweeper,
    private readonly pool: PdfRenderPool,
    private readonly events: WebhookEvents,
  ) {}

  onApplicationBootstrap(): void {
    // Rendering is CPU-bound: one report per render thread.
    processJobs(this.queue, REPORT_PDF_JOB, this.pool.capacity, (job) => this.handle(job), this.logger);
    this.sweeper.register('reports', () => this.redrive());
    this.queue.on('failed', (job: Job<ReportPdfJob>, error: Error) => {
      if (job?.name !== REPORT_PDF_JOB || error?.message !== STALLED_MESSAGE) return;
      this.markFailed(job.data.reportId, 'The rendering worker stopped responding repeatedly.').catch((markError: unknown) =>
        this.logger.error(`Could not mark report ${job.data.reportId} failed: ${String(markError)}`),
      );
    });
  }

  /** The sweep: reports still queued five minutes after they were ordered lost their job (Redis emptied); each is queued once more. */
  async redrive(now = new Date()): Promise<number> {
    const stuck = await this.em.fork().find(
      Report,
      { status: ReportStatus.Queued, createdAt: { $lt: new Date(now.getTime() - STUCK_AFTER_MS) } },
      { fields: ['id'], orderBy: { createdAt: 'asc' }, limit: REDRIVE_BATCH },
    );
    for (const report of stuck) {
      await this.queue.add(REPORT_PDF_JOB, { reportId: report.id }, { ...RELAYED_JOB_OPTIONS, jobId: `${reportJobId(report.id)}:redriven` });
    }
    return stuck.length;
  }

  handle(job: Job<ReportPdfJob>): Promise<void> {
    return this.render(job.data.reportId, job.attemptsMade + 1, job.opts.attempts ?? 1);
  }

  @CreateRequestContext()
  async render(reportId: string, attempt: number, maxAttempts: number): Promise<void> {
    const claimed = await this.reports.claim(reportId, attempt);
    // Done or failed already, or gone with its organization.
    if (!claimed) return;

    try {
      if (claimed.organizationDeleted) throw new PermanentReportFailure('The organization was deleted before the report was rendered.');
      const data = await this.loader.load(claimed.organizationId, new Date());
      const { pdf } = await this.pool.render({ kind: 'inventory-report', data });
      await inOwnTransaction(this.em, async () => {
        if (await this.reports.complete(reportId, pdf)) {
          await this.events.publish({ type: 'report.completed', organizationId: claimed.organizationId, data: { reportId } });
        }
      });
    } catch (error) {
      const reason = errorMessage(error);
      const final = error instanceof PermanentReportFailure || attempt >= maxAttempts;
      await this.reports.attemptFailed(reportId, reason, final);
      this.logger.warn(`Report ${reportId} attempt ${attempt}/${maxAttempts} failed${final ? ' for good' : ''}: ${reason}`);
      if (!final) throw error;
    }
  }

  private markFailed(reportId: string, reason: string): Promise<void> {
    return this.reports.markFailed(reportId, reason);
  }
}
