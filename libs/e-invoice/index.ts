export { eInvoiceData } from './e-invoice-data';
export { FACTUR_X_FORMAT, XRECHNUNG_FORMAT, embedFacturX, renderXRechnung } from './render-e-invoice';
