import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { notFound } from '../../common/domain-error';
import { invoicePdfFileName } from './invoice-pdf.job';
import { InvoiceRepository } from './invoice.repository';
import { InvoiceDocumentStatus } from './invoice-document.entity';

export type InvoicePdf =
  | { status: InvoiceDocumentStatus.Rendered; number: string; fileName: string; pdf: Buffer }
  | { status: InvoiceDocumentStatus.Pending | InvoiceDocumentStatus.Failed; number: string; fileName: string };

@Injectable()
export class InvoiceDocumentService {
  constructor(private readonly invoices: InvoiceRepository) {}

  /** The invoice's PDF once rendered; the bytes are read only then. */
  async pdf(organizationId: OrganizationId, invoiceId: string): Promise<InvoicePdf> {
    const row = await this.invoices.document(organizationId, invoiceId);
    if (!row) throw notFound('Invoice');
    const fileName = invoicePdfFileName(row);
    if (row.status === InvoiceDocumentStatus.Rendered && row.pdf) return { status: row.status, number: row.number, fileName, pdf: row.pdf };
    return { status: row.status === InvoiceDocumentStatus.Failed ? InvoiceDocumentStatus.Failed : InvoiceDocumentStatus.Pending, number: row.number, fileName };
  }
}
