import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { formatDate, formatMoney, formatPeriod } from '../../../libs/pdf';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LoadedMail, MailDeliveryView, UndeliverableMailError } from '../../mail/mail-content';
import { MailContentRegistry } from '../../mail/mail-content.registry';
import { InvoiceDocument, InvoiceDocumentStatus } from './invoice-document.entity';
import { invoiceCustomerName, invoicePdfFileName } from './invoice-pdf.job';
import { Invoice } from './invoice.entity';

/**
 * The invoice mail: the invoice as issued (a deleted customer organization's invoices are still
 * mailed) with its PDF, read from invoice_document at sending time rather than carried by the job.
 */
@Injectable()
export class InvoiceMailContent implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: MailContentRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.provideTemplates(['invoice', 'credit-note'], (delivery) => this.load(delivery));
  }

  private async load(delivery: MailDeliveryView): Promise<LoadedMail<'invoice' | 'credit-note'>> {
    const { invoiceId } = delivery.references;
    const invoice = await this.em.findOne(Invoice, { id: invoiceId }, { populate: ['organization', 'correctsInvoice'] });
    if (!invoice) throw new UndeliverableMailError(`Invoice ${invoiceId} does not exist`);
    const document = await this.em.findOne(InvoiceDocument, { invoice: invoiceId }, { populate: ['pdf'] });
    // Queued in the transaction that stored the PDF, so this is not expected; retrying may still help.
    if (document?.status !== InvoiceDocumentStatus.Rendered || !document.pdf) throw new Error(`The PDF of invoice ${invoice.number} is not rendered yet`);
    const attachments = [{ filename: invoicePdfFileName(invoice), contentType: 'application/pdf', content: document.pdf }];
    const shared = {
      ...(await this.registry.vendorFrame()),
      recipientName: invoice.recipient.name,
      issuedOn: formatDate(invoice.issuedAt),
      period: formatPeriod(invoice.periodStart, invoice.periodEnd),
      total: formatMoney(invoice.grossCents),
      customerName: invoiceCustomerName(invoice),
      loginUrl: this.config.publicUrl,
    };
    if (invoice.correctsInvoice) {
      return {
        template: 'credit-note',
        data: { ...shared, creditNoteNumber: invoice.number, correctedInvoiceNumber: invoice.correctsInvoice.number },
        attachments,
      };
    }
    return { template: 'invoice', data: { ...shared, invoiceNumber: invoice.number }, attachments };
  }
}
