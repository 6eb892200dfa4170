import { Entity, Enum, OneToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Invoice } from './invoice.entity';

export enum InvoiceDocumentStatus {
  Pending = 'pending',
  Rendered = 'rendered',
  Failed = 'failed',
}

/**
 * The rendered PDF and e-invoice of an invoice, kept apart from the immutable invoice row so
 * rendering can record its progress. `failed` means the last attempt failed;
 * the job is retried and a later success turns it into `rendered`.
 */
@Entity({ tableName: 'invoice_document' })
export class InvoiceDocument {
  [OptionalProps]?: 'status' | 'pdf' | 'xml' | 'renderedAt' | 'attempts' | 'lastError' | 'createdAt';

  @OneToOne(() => Invoice, { primary: true, owner: true, deleteRule: 'restrict', fieldName: 'invoice_id' })
  invoice!: Invoice;

  @Enum({ items: () => InvoiceDocumentStatus, nativeEnumName: 'invoice_document_status', default: InvoiceDocumentStatus.Pending })
  status: InvoiceDocumentStatus = InvoiceDocumentStatus.Pending;

  /** A PDF/A-3 with the e-invoice embedded as factur-x.xml (Factur-X EN 16931). */
  @Property({ type: 'blob', nullable: true, lazy: true })
  pdf?: Buffer | null;

  /** The same e-invoice as XRechnung (CII XML), served at …/xml and attached to the mail. */
  @Property({ type: 'text', nullable: true, lazy: true })
  xml?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  renderedAt?: Date | null;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
