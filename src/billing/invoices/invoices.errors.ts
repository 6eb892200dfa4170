import { conflict } from '../../common/domain-error';

export const InvoiceErrors = {
  notAnInvoice: (number: string) => conflict('credit-note-not-creditable', `${number} is a credit note; credit notes correct invoices, not each other.`),
  creditExceedsInvoice: (number: string, leftCents: number) =>
    conflict('credit-exceeds-invoice', `Invoice ${number} has ${(leftCents / 100).toFixed(2)} EUR net left to credit; the chosen lines are more.`, { leftToCredit: leftCents }),
  pdfNotRendered: (number: string) => conflict('invoice-pdf-not-rendered', `The PDF of invoice ${number} is not rendered yet; its mail goes out once it is.`),
};
