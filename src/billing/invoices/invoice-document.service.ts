import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/problem';
import { rawQuery } from '../../database/raw-query';
import { InvoiceDocumentStatus } from './invoice-document.entity';

export type InvoicePdf =
  | { status: InvoiceDocumentStatus.Rendered; number: string; pdf: Buffer }
  | { status: InvoiceDocumentStatus.Pending | InvoiceDocumentStatus.Failed; number: string };

@Injectable()
export class InvoiceDocumentService {
  constructor(private readonly em: EntityManager) {}

  /** The invoice's PDF once rendered; the bytes are read only then. */
  async pdf(organizationId: string, invoiceId: string): Promise<InvoicePdf> {
    const [row] = await rawQuery<{ number: string; status: InvoiceDocumentStatus | null; pdf: Buffer | null }>(
      this.em,
      `select i.number, d.status,
              case when d.status = 'rendered' then d.pdf end as pdf
         from invoice i left join invoice_document d on d.invoice_id = i.id
        where i.id = :invoiceId and i.organization_id = :organizationId`,
      { invoiceId, organizationId },
    );
    if (!row) throw notFound('Invoice');
    if (row.status === InvoiceDocumentStatus.Rendered && row.pdf) return { status: row.status, number: row.number, pdf: row.pdf };
    return { status: row.status === InvoiceDocumentStatus.Failed ? InvoiceDocumentStatus.Failed : InvoiceDocumentStatus.Pending, number: row.number };
  }
}
