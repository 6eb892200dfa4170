import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { renderXRechnung } from '../../../libs/e-invoice';
import { OrganizationId } from '../../common/organization-id';
import { notFound } from '../../common/domain-error';
import { invoicePdfFileName, invoiceCustomerName, invoiceXmlFileName } from './invoice-pdf.job';
import { INVOICE_DOCUMENT_POPULATE, invoiceDocumentData } from './invoice-pdf.renderer';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Invoice } from './invoice.entity';
import { InvoiceRepository } from './invoice.repository';
import { InvoiceDocumentStatus } from './invoice-document.entity';

/** A rendered document's content, or why there is none yet (the pdf queue renders it, or its last attempt failed). */
export type InvoiceFile<Content> =
  | { status: InvoiceDocumentStatus.Rendered; number: string; fileName: string; content: Content }
  | { status: InvoiceDocumentStatus.Pending | InvoiceDocumentStatus.Failed; number: string; fileName: string };

/** Whose invoice: the organization's own, or one addressed to it as billing owner. */
export type InvoiceScope = 'organization' | 'billing-owner';

@Injectable()
export class InvoiceDocumentService {
  constructor(
    private readonly em: EntityManager,
    private readonly invoices: InvoiceRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The invoice's PDF (a Factur-X PDF/A-3) once rendered; the bytes are read only then. `of:
   * 'billing-owner'`: an invoice addressed to the organization (a partner's customer invoices).
   */
  async pdf(organizationId: OrganizationId, invoiceId: string, of: InvoiceScope = 'organization'): Promise<InvoiceFile<Buffer>> {
    const row = await this.invoices.document(organizationId, invoiceId, 'pdf', of);
    if (!row) throw notFound('Invoice');
    return fileOf(row, invoicePdfFileName(row));
  }

  /**
   * The invoice's XRechnung, stored when its PDF was rendered. Invoices rendered before e-invoices
   * existed have none stored: theirs is drawn now from the same immutable snapshot.
   */
  async xml(organizationId: OrganizationId, invoiceId: string, of: InvoiceScope = 'organization'): Promise<InvoiceFile<string>> {
    const row = await this.invoices.document(organizationId, invoiceId, 'xml', of);
    if (!row) throw notFound('Invoice');
    if (row.status === InvoiceDocumentStatus.Rendered && !row.content) {
      const invoice = await this.em.findOneOrFail(Invoice, { id: invoiceId }, { populate: INVOICE_DOCUMENT_POPULATE });
      row.content = await renderXRechnung(invoiceDocumentData(invoice, this.config.vendor, invoiceCustomerName(invoice)));
    }
    return fileOf(row, invoiceXmlFileName(row));
  }
}

function fileOf<Content>(row: { number: string; status: InvoiceDocumentStatus | null; content: Content | null }, fileName: string): InvoiceFile<Content> {
  if (row.status === InvoiceDocumentStatus.Rendered && row.content) return { status: row.status, number: row.number, fileName, content: row.content };
  return { status: row.status === InvoiceDocumentStatus.Failed ? InvoiceDocumentStatus.Failed : InvoiceDocumentStatus.Pending, number: row.number, fileName };
}
