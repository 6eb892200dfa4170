import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { preparedQuery, rawQuery } from '../../database/raw-query';
import { requireTransaction } from '../../database/transaction';
import { InvoiceDocumentStatus } from './invoice-document.entity';
import { InvoiceType } from './invoice.entity';
import type { BookedLine } from './credit-left';
import { InvoiceRecipient } from '../billing-address/invoice-recipient';
import type { Locale } from '../../../libs/i18n';

/** What an invoice's mail shows and attaches, read in one statement at sending time; timestamps arrive as text. */
export interface InvoiceMailRow {
  number: string;
  type: InvoiceType;
  recipient: InvoiceRecipient;
  issued_at: string;
  due_at: string | null;
  period_start: string;
  period_end: string;
  gross_cents: number;
  organization_id: string;
  billing_owner_id: string;
  organization_name: string;
  /** The recipient's language: the billing owner's. */
  billing_owner_locale: Locale;
  corrected_number: string | null;
  document_status: InvoiceDocumentStatus | null;
  pdf: Buffer | null;
  xml: string | null;
}

interface InvoiceDocumentRow<Part extends 'pdf' | 'xml'> {
  number: string;
  type: InvoiceType;
  status: InvoiceDocumentStatus | null;
  /** The bytes (pdf) or text (xml), only once rendered. */
  content: (Part extends 'pdf' ? Buffer : string) | null;
}

@Injectable()
export class InvoiceRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Takes the next `count` numbers of `year`'s sequence and returns the last of them. The per-year
   * counter row stays locked until the caller's transaction ends, so numbers are unique and gapless
   * across processes (a rollback gives them back).
   */
  async takeNumbers(year: number, count: number): Promise<number> {
    requireTransaction(this.em, 'Taking an invoice number');
    const [{ last }] = await rawQuery<{ last: number }>(
      this.em,
      `insert into invoice_number_counter (year, last) values (:year, :count)
       on conflict (year) do update set last = invoice_number_counter.last + :count
       returning last`,
      { year, count },
    );
    return last;
  }

  /**
   * Stores a rendered PDF on its document, in the caller's transaction, unless it is rendered
   * already; the row stays locked until that transaction ends. One statement, the bytes a bound
   * parameter: they go to PostgreSQL as they are, not as a hex literal twice their size that the
   * ORM would build and escape.
   */
  async storeRenderedPdf(invoiceId: string, pdf: Buffer, xml: string): Promise<'stored' | 'rendered-before' | 'no-document'> {
    const em = requireTransaction(this.em, 'Storing an invoice PDF');
    const [row] = await preparedQuery<{ stored: boolean }>(
      em,
      `with target as (
         select invoice_id, status from invoice_document where invoice_id = :invoiceId for update
       ), stored as (
         update invoice_document d
            set pdf = :pdf, xml = :xml, status = 'rendered', rendered_at = now(), attempts = d.attempts + 1, last_error = null
           from target
          where d.invoice_id = target.invoice_id and target.status <> 'rendered'
         returning d.invoice_id
       )
       select exists (select 1 from stored) as stored from target`,
      { pdf, xml, invoiceId },
    );
    if (!row) return 'no-document';
    return row.stored ? 'stored' : 'rendered-before';
  }

  /**
   * Locks an invoice for crediting until the caller's transaction ends and returns the lines its
   * credit notes hold so far (negative totals): of two credits at once, the second sees the first.
   */
  async lockForCrediting(invoiceId: string): Promise<BookedLine[]> {
    const em = requireTransaction(this.em, 'Crediting an invoice');
    await rawQuery(em, 'select id from invoice where id = :invoiceId for update', { invoiceId });
    return rawQuery<BookedLine>(
      em,
      `select l.code, l.total_cents as "totalCents"
         from invoice c join invoice_line l on l.invoice_id = c.id
        where c.corrects_invoice_id = :invoiceId`,
      { invoiceId },
    );
  }

  /** The invoice (also of a deleted organization), the invoice it corrects, its PDF and e-invoice; null when there is no such invoice. */
  async mailContent(invoiceId: string): Promise<InvoiceMailRow | null> {
    const [row] = await preparedQuery<InvoiceMailRow>(
      this.em,
      `select i.number, i.type, i.recipient, i.issued_at, i.due_at, i.period_start, i.period_end, i.gross_cents, i.organization_id, i.billing_owner_id,
              o.name as organization_name, bo.locale as billing_owner_locale, c.number as corrected_number, d.status as document_status, d.pdf, d.xml
         from invoice i
         join organization o on o.id = i.organization_id
         join organization bo on bo.id = i.billing_owner_id
         left join invoice c on c.id = i.corrects_invoice_id
         left join invoice_document d on d.invoice_id = i.id
        where i.id = :invoiceId`,
      { invoiceId },
    );
    return row ?? null;
  }

  /**
   * The invoice's number, type and document state; the PDF bytes or the e-invoice XML only once
   * rendered. `of: 'organization'` finds the organization's own invoices, `of: 'billing-owner'` the
   * invoices addressed to it (a partner's for its customers, deleted ones included).
   */
  async document<Part extends 'pdf' | 'xml'>(
    organizationId: OrganizationId,
    invoiceId: string,
    part: Part,
    of: 'organization' | 'billing-owner' = 'organization',
  ): Promise<InvoiceDocumentRow<Part> | null> {
    const [row] = await rawQuery<InvoiceDocumentRow<Part>>(
      this.em,
      `select i.number, i.type, d.status,
              case when d.status = 'rendered' then ${part === 'xml' ? 'd.xml' : 'd.pdf'} end as content
         from invoice i left join invoice_document d on d.invoice_id = i.id
        where i.id = :invoiceId and ${of === 'billing-owner' ? 'i.billing_owner_id' : 'i.organization_id'} = :organizationId`,
      { invoiceId, organizationId },
    );
    return row ?? null;
  }
}
