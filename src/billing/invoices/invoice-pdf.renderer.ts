import { Inject, Injectable } from '@nestjs/common';
import { InvoiceDocumentData } from '../../../libs/pdf';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PdfRenderPool } from '../../rendering/pdf-render-pool';
import { RenderedPdf } from '../../rendering/pdf-render-task';
import { Invoice } from './invoice.entity';
import { paymentInstruction } from './invoice-payment';

/** Turns an issued invoice or credit note (lines and corrected invoice loaded) into its PDF; the seller is the platform vendor from configuration. */
@Injectable()
export class InvoicePdfRenderer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pool: PdfRenderPool,
  ) {}

  render(invoice: Invoice, customerName?: string): Promise<RenderedPdf> {
    return this.pool.render({ kind: 'invoice', data: this.documentData(invoice, customerName) });
  }

  documentData(invoice: Invoice, customerName?: string): InvoiceDocumentData {
    return invoiceDocumentData(invoice, this.config.vendor, customerName);
  }
}

/** What invoiceDocumentData reads of an invoice beyond its own row. */
export const INVOICE_DOCUMENT_POPULATE = ['lines', 'organization', 'billingOwner', 'correctsInvoice'] as const;

/**
 * What an issued invoice or credit note (INVOICE_DOCUMENT_POPULATE loaded) prints and its e-invoice
 * carries: its snapshot, with the seller (the platform vendor) from configuration.
 */
export function invoiceDocumentData(invoice: Invoice, vendor: AppConfig['vendor'], customerName?: string): InvoiceDocumentData {
  return {
    // Addressed to the billing owner: its language.
    locale: invoice.billingOwner.locale,
    seller: {
      name: vendor.name,
      ...vendor.address,
      email: vendor.supportEmail,
      phone: vendor.supportPhone,
      vatId: vendor.vatId,
      taxNumber: vendor.taxNumber,
      bank: vendor.bank,
    },
    recipient: invoice.recipient,
    number: invoice.number,
    issuedAt: invoice.issuedAt,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    customerName,
    dueAt: invoice.dueAt,
    payment: paymentInstruction(invoice.payment, vendor.sepaCreditorId),
    buyerReference: invoice.billingOwner.id,
    vatNote: invoice.vatTreatment === 'domestic' ? null : invoice.vatTreatment,
    corrects: invoice.correctsInvoice ? { number: invoice.correctsInvoice.number, issuedAt: invoice.correctsInvoice.issuedAt } : undefined,
    creditReason: invoice.creditReason,
    lines: invoice.lines.getItems().map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      totalCents: line.totalCents,
      periodStart: line.periodStart,
      periodEnd: line.periodEnd,
    })),
    netCents: invoice.netCents,
    vatRatePercent: Number(invoice.vatRatePercent),
    taxCents: invoice.taxCents,
    grossCents: invoice.grossCents,
    currency: invoice.currency,
  };
}
