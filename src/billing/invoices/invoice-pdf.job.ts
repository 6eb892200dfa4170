import type { MailRequest } from '../../mail/mail.service';
import type { Invoice } from './invoice.entity';

export const INVOICE_PDF_JOB = 'invoice-pdf';

export interface InvoicePdfJob {
  invoiceId: string;
}

/** The invoice mail exists at most once per invoice, whoever queues it; a resend by staff carries a key of its own. */
export const invoiceMailDedupeKey = (invoiceId: string) => `invoice:${invoiceId}`;

export const invoicePdfFileName = (number: string) => `invoice-${number}.pdf`;

/** The customer organization an invoice addressed to its partner is for, named on its PDF and mail; else undefined. */
export const invoiceCustomerName = (invoice: Pick<Invoice, 'organization' | 'billingOwner'>): string | undefined =>
  invoice.organization.id !== invoice.billingOwner.id ? invoice.organization.name : undefined;

/** The invoice mail: to the recipient as issued, on behalf of the billing owner; the PDF is attached at sending time. */
export function invoiceMailRequest(invoice: Invoice, dedupeKey: string): MailRequest & { dedupeKey: string } {
  return {
    template: 'invoice',
    recipient: invoice.recipient.email,
    organizationId: invoice.billingOwner.id,
    references: { invoiceId: invoice.id },
    dedupeKey,
  };
}
