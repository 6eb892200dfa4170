export type { InvoiceDocumentData, InvoiceLineData, PartyAddress, PaymentInstruction, SellerDetails } from './invoice-data';
export { buildInvoiceDocument, invoiceTitle } from './invoice-document';
export type { InventoryEndpoint, InventoryHost, InventoryLicenseUsage, InventoryReportData } from './inventory-report-data';
export { buildInventoryReportDocument, inventoryReportTitle } from './inventory-report-document';
export { formatDate, formatPeriod } from './dates';
export { formatMoney } from './money';
export { renderDocument, renderInventoryReportPdf, renderInvoicePdf } from './render';
export type { RenderOptions } from './render';
