import { CreateRequestContext, raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { MailService } from '../../mail/mail.service';
import { PDF_QUEUE } from '../../queue/queue-names';
import { InvoiceDocument, InvoiceDocumentStatus } from './invoice-document.entity';
import { INVOICE_PDF_JOB, invoiceCustomerName, InvoicePdfJob, invoiceMailDedupeKey, invoiceMailRequest } from './invoice-pdf.job';
import { INVOICE_DOCUMENT_POPULATE, InvoicePdfRenderer } from './invoice-pdf.renderer';
import { Invoice } from './invoice.entity';
import { InvoiceRepository } from './invoice.repository';
import { errorMessage } from '../../common/error-message';
import { processJobs } from '../../queue/process-jobs';
import { REDRIVE_BATCH, STUCK_AFTER_MS, Sweeper } from '../../queue/sweeper';
import { RELAYED_JOB_OPTIONS } from '../../outbox/outbox-relay.service';
import { inOwnTransaction } from '../../database/transaction';
import { PdfRenderPool } from '../../rendering/pdf-render-pool';

/** A job's result in Bull: the render's CPU time and the e-invoice's share of it (0 when it was rendered before), for the benchmark. */
export interface InvoicePdfResult {
  renderCpuMs: number;
  eInvoiceCpuMs: number;
}
/** Attempts (over every job of a document) after which the sweeper stops re-driving it; staff see it failed. */
const PDF_ATTEMPT_LIMIT = 25;

/**
 * Renders an issued invoice's PDF and queues its mail. Storing the PDF and queuing the mail happen
 * in one transaction under a lock on the invoice's document row, so a job that reruns (its worker
 * died, Bull found it stalled) either finds both done and only checks the mail, or redoes both; the
 * mail's dedupe key keeps it to one per invoice. The invoice row itself is never touched.
 */
@Injectable()
export class InvoicePdfProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(InvoicePdfProcessor.name);

  constructor(
    @InjectQueue(PDF_QUEUE) private readonly queue: Queue<InvoicePdfJob>,
    private readonly em: EntityManager,
    private readonly renderer: InvoicePdfRenderer,
    private readonly mail: MailService,
    private readonly sweeper: Sweeper,
    private readonly pool: PdfRenderPool,
    private readonly invoices: InvoiceRepository,
  ) {}

  onApplicationBootstrap(): void {
    // Twice the render threads: while one job's PDF is drawn, another loads or stores.
    processJobs(this.queue, INVOICE_PDF_JOB, 2 * this.pool.capacity, (job) => this.handle(job), this.logger);
    this.sweeper.register('invoice PDFs', () => this.redrive());
  }

  /**
   * The sweep: documents still not rendered a while after their invoice was issued lost their job
   * (Redis emptied) or spent Bull's retries. Each is queued again with a job id naming its attempts
   * so far, so a job that failed for good does not stand in the way of the next round, until
   * PDF_ATTEMPT_LIMIT attempts; rendering it also queues its mail.
   */
  async redrive(now = new Date()): Promise<number> {
    const stuck = await this.em.fork().find(
      InvoiceDocument,
      {
        status: { $ne: InvoiceDocumentStatus.Rendered },
        createdAt: { $lt: new Date(now.getTime() - STUCK_AFTER_MS) },
        attempts: { $lt: PDF_ATTEMPT_LIMIT },
      },
      { fields: ['invoice', 'attempts'], orderBy: { createdAt: 'asc' }, limit: REDRIVE_BATCH },
    );
    for (const document of stuck) {
      const invoiceId = document.invoice.id;
      await this.queue.add(INVOICE_PDF_JOB, { invoiceId }, { ...RELAYED_JOB_OPTIONS, jobId: `invoice-pdf:${invoiceId}:redrive-${document.attempts}` });
    }
    return stuck.length;
  }

  async handle(job: Job<InvoicePdfJob>): Promise<InvoicePdfResult> {
    return this.render(job.data.invoiceId);
  }

  /**
   * Draws the PDF outside any transaction (on a render thread; no row lock or connection is held
   * meanwhile), then stores it and queues its mail in one transaction: storing locks the document
   * row until commit, so of two runs at once the second finds it stored and the mail queued. A run
   * that finds the PDF stored already (its job ran again after a crash) only makes sure of the mail.
   */
  @CreateRequestContext()
  async render(invoiceId: string): Promise<InvoicePdfResult> {
    try {
      const invoice = await this.em.findOneOrFail(Invoice, { id: invoiceId }, { populate: INVOICE_DOCUMENT_POPULATE });
      const rendered = await this.renderer.render(invoice, invoiceCustomerName(invoice));
      const stored = await inOwnTransaction(this.em, async () => {
        if (rendered.xml === undefined) throw new Error(`Invoice ${invoiceId} was rendered without its e-invoice`);
        const outcome = await this.invoices.storeRenderedPdf(invoiceId, rendered.pdf, rendered.xml);
        if (outcome === 'no-document') throw new Error(`Invoice ${invoiceId} has no document to render`);
        const mail = invoiceMailRequest(invoice, invoiceMailDedupeKey(invoiceId));
        // Stored just now, so no mail can exist yet: it is queued in the transaction that stores the PDF.
        if (outcome === 'stored') this.mail.queue(mail);
        else await this.mail.queueOnce(mail);
        return outcome === 'stored';
      });
      return stored ? { renderCpuMs: rendered.cpuMs, eInvoiceCpuMs: rendered.eInvoiceCpuMs } : { renderCpuMs: 0, eInvoiceCpuMs: 0 };
    } catch (error) {
      const message = errorMessage(error);
      // The invoice stays issued; staff see the failure on its document while Bull retries.
      await this.em.nativeUpdate(
        InvoiceDocument,
        { invoice: invoiceId, status: { $ne: InvoiceDocumentStatus.Rendered } },
        { status: InvoiceDocumentStatus.Failed, attempts: raw('attempts + 1'), lastError: message },
      );
      this.logger.warn(`PDF of invoice ${invoiceId} failed: ${message}`);
      throw error;
    }
  }
}
