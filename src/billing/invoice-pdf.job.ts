export const INVOICE_PDF_JOB = 'invoice-pdf';

export interface InvoicePdfJob {
  invoiceId: string;
}

/** The invoice mail exists at most once per invoice, whoever queues it. */
export const invoiceMailDedupeKey = (invoiceId: string) => `invoice:${invoiceId}`;

export const invoicePdfFileName = (number: string) => `invoice-${number}.pdf`;
