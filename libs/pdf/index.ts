export type { InvoiceDocumentData, InvoiceLineData, PartyAddress, SellerDetails } from './invoice-data';
export { buildInvoiceDocument, invoiceTitle } from './invoice-document';
export { formatDate, formatPeriod } from './dates';
export { formatMoney } from './money';
export { renderDocument, renderInvoicePdf } from './render';
export type { RenderOptions } from './render';
