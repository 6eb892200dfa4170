import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { rawQuery } from '../../database/raw-query';
import { requireTransaction } from '../../database/transaction';
import { InvoiceDocumentStatus } from './invoice-document.entity';
import { InvoiceType } from './invoice.entity';

interface InvoiceDocumentRow {
  number: string;
  type: InvoiceType;
  status: InvoiceDocumentStatus | null;
  pdf: Buffer | null;
}

@Injectable()
export class InvoiceRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The next number of `year`'s sequence. The per-year counter row stays locked until the caller's
   * transaction ends, so numbers are unique and gapless across processes (a rollback gives it back).
   */
  async nextNumber(year: number): Promise<number> {
    requireTransaction(this.em, 'Taking an invoice number');
    const [{ last }] = await rawQuery<{ last: number }>(
      this.em,
      `insert into invoice_number_counter (year, last) values (:year, 1)
       on conflict (year) do update set last = invoice_number_counter.last + 1
       returning last`,
      { year },
    );
    return last;
  }

  /** The invoice's number, type and document state; the PDF bytes only once rendered. */
  async document(organizationId: OrganizationId, invoiceId: string): Promise<InvoiceDocumentRow | null> {
    const [row] = await rawQuery<InvoiceDocumentRow>(
      this.em,
      `select i.number, i.type, d.status,
              case when d.status = 'rendered' then d.pdf end as pdf
         from invoice i left join invoice_document d on d.invoice_id = i.id
        where i.id = :invoiceId and i.organization_id = :organizationId`,
      { invoiceId, organizationId },
    );
    return row ?? null;
  }
}
