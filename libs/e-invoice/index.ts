export { EInvoiceError, embedFacturX, renderXRechnung } from './render-e-invoice';
