import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { notFound } from '../../common/domain-error';
import { MailService } from '../../mail/mail.service';
import { InvoiceDocument, InvoiceDocumentStatus } from './invoice-document.entity';
import { InvoiceDocumentService, InvoiceFile } from './invoice-document.service';
import { invoiceMailDedupeKey, invoiceMailRequest } from './invoice-pdf.job';
import { Invoice } from './invoice.entity';
import { InvoiceErrors } from './invoices.errors';

export interface ResentInvoiceMail {
  invoiceId: string;
  number: string;
  organizationId: OrganizationId;
  recipient: string;
}

/** Staff-side delivery of issued invoices (back-office): their PDF and sending the mail again. */
@Injectable()
export class InvoiceDeliveryService {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailService,
    private readonly documents: InvoiceDocumentService,
  ) {}

  /** The PDF of any organization's invoice once the `pdf` queue has rendered it. */
  async pdf(invoiceId: string): Promise<InvoiceFile<Buffer>> {
    const invoice = await this.em.findOne(Invoice, { id: invoiceId }, { fields: ['id', 'organization'] });
    if (!invoice) throw notFound('Invoice');
    return this.documents.pdf(invoice.organization.id, invoiceId);
  }

  async documentStatus(invoiceId: string): Promise<{ status: InvoiceDocumentStatus; lastError: string | null } | null> {
    const document = await this.em.findOne(InvoiceDocument, { invoice: invoiceId }, { fields: ['status', 'lastError'] });
    return document ? { status: document.status, lastError: document.lastError ?? null } : null;
  }

  /**
   * Queues the invoice mail once more, in the caller's transaction: a new dedupe key, so the
   * first mail's at-most-once guard stays as it is. Needs the rendered PDF, which the mail attaches.
   */
  async resendMail(invoiceId: string): Promise<ResentInvoiceMail> {
    const em = this.em.getContext();
    // The same row lock the PDF processor takes, so this never races a rendering attempt.
    const document = await em.findOne(InvoiceDocument, { invoice: invoiceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const invoice = await em.findOne(Invoice, { id: invoiceId });
    if (!invoice || !document) throw notFound('Invoice');
    if (document.status !== InvoiceDocumentStatus.Rendered) {
      throw InvoiceErrors.pdfNotRendered(invoice.number);
    }
    this.mail.queue(invoiceMailRequest(invoice, `${invoiceMailDedupeKey(invoiceId)}:resend:${randomUUID()}`));
    await em.flush();
    return { invoiceId, number: invoice.number, organizationId: invoice.organization.id, recipient: invoice.recipient.email };
  }
}
