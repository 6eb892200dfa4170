import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { formatDate, formatMoney, formatPeriod } from '../../../libs/pdf';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LoadedMail, MailDeliveryView, UndeliverableMailError } from '../../mail/mail-content';
import { MailContentRegistry } from '../../mail/mail-content.registry';
import { InvoiceDocumentStatus } from './invoice-document.entity';
import { customerNameOn, invoicePdfFileName, invoiceXmlFileName } from './invoice-pdf.job';
import { InvoiceRepository } from './invoice.repository';

/**
 * The invoice mail: the invoice as issued (a deleted customer organization's invoices are still
 * mailed) with its PDF, read from invoice_document at sending time rather than carried by the job.
 */
@Injectable()
export class InvoiceMailContent implements OnModuleInit {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly registry: MailContentRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.provideTemplates(['invoice', 'credit-note'], (delivery) => this.load(delivery));
  }

  private async load(delivery: MailDeliveryView): Promise<LoadedMail<'invoice' | 'credit-note'>> {
    const { invoiceId } = delivery.references;
    const invoice = await this.invoices.mailContent(invoiceId);
    if (!invoice) throw new UndeliverableMailError(`Invoice ${invoiceId} does not exist`);
    // Queued in the transaction that stored the PDF, so this is not expected; retrying may still help.
    if (invoice.document_status !== InvoiceDocumentStatus.Rendered || !invoice.pdf) throw new Error(`The PDF of invoice ${invoice.number} is not rendered yet`);
    // Both e-invoices: the Factur-X PDF/A-3 and the XRechnung (invoices rendered before e-invoices existed have only the PDF).
    const attachments = [
      { filename: invoicePdfFileName(invoice), contentType: 'application/pdf', content: invoice.pdf },
      ...(invoice.xml ? [{ filename: invoiceXmlFileName(invoice), contentType: 'application/xml', content: Buffer.from(invoice.xml, 'utf8') }] : []),
    ];
    const locale = invoice.billing_owner_locale;
    const shared = {
      ...(await this.registry.vendorFrame(locale)),
      recipientName: invoice.recipient.name,
      issuedOn: formatDate(new Date(invoice.issued_at), locale),
      period: formatPeriod(new Date(invoice.period_start), new Date(invoice.period_end), locale),
      total: formatMoney(invoice.gross_cents, locale),
      customerName: customerNameOn({ organizationId: invoice.organization_id, billingOwnerId: invoice.billing_owner_id, organizationName: invoice.organization_name }),
      loginUrl: this.config.publicUrl,
    };
    if (invoice.corrected_number) {
      return {
        template: 'credit-note',
        data: { ...shared, creditNoteNumber: invoice.number, correctedInvoiceNumber: invoice.corrected_number },
        attachments,
      };
    }
    const dueOn = invoice.due_at ? formatDate(new Date(invoice.due_at), locale) : undefined;
    return { template: 'invoice', data: { ...shared, invoiceNumber: invoice.number, dueOn }, attachments };
  }
}
