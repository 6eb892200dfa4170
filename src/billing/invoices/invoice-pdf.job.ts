import type { MailRequest } from '../../mail/mail.service';
import { Invoice, InvoiceType } from './invoice.entity';

export const INVOICE_PDF_JOB = 'invoice-pdf';

export interface InvoicePdfJob {
  invoiceId: string;
}

/** The invoice mail exists at most once per invoice, whoever queues it; a resend by staff carries a key of its own. */
export const invoiceMailDedupeKey = (invoiceId: string) => `invoice:${invoiceId}`;

/** `invoice-<number>.pdf`, `credit-note-<number>.pdf` for a credit note. */
export const invoicePdfFileName = ({ number, type }: Pick<Invoice, 'number' | 'type'>) =>
  `${type === InvoiceType.CreditNote ? 'credit-note' : 'invoice'}-${number}.pdf`;

/** The XRechnung beside it: `invoice-<number>.xml`, `credit-note-<number>.xml`. */
export const invoiceXmlFileName = (invoice: Pick<Invoice, 'number' | 'type'>) => invoicePdfFileName(invoice).replace(/\.pdf$/, '.xml');

/** The customer organization an invoice addressed to its partner is for, named on its PDF and mail; else undefined. */
export const customerNameOn = ({ organizationId, billingOwnerId, organizationName }: { organizationId: string; billingOwnerId: string; organizationName: string }) =>
  organizationId !== billingOwnerId ? organizationName : undefined;

export const invoiceCustomerName = (invoice: Pick<Invoice, 'organization' | 'billingOwner'>): string | undefined =>
  customerNameOn({ organizationId: invoice.organization.id, billingOwnerId: invoice.billingOwner.id, organizationName: invoice.organization.name });

/** The invoice (or credit note) mail: to the recipient as issued, on behalf of the billing owner; the PDF is attached at sending time. */
export function invoiceMailRequest(invoice: Invoice, dedupeKey: string): MailRequest & { dedupeKey: string } {
  return {
    template: invoice.type === InvoiceType.CreditNote ? 'credit-note' : 'invoice',
    recipient: invoice.recipient.email,
    organizationId: invoice.billingOwner.id,
    references: { invoiceId: invoice.id },
    dedupeKey,
  };
}
