import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';
import { Organization } from '../../tenancy/organization.entity';
import type { InvoiceRecipient } from '../billing-address/invoice-recipient';
import type { VatTreatment } from '../catalog/vat-treatment';
import type { InvoicePayment } from './invoice-payment';

export enum InvoiceType {
  Invoice = 'invoice',
  /** A Rechnungskorrektur: negative amounts, correcting an earlier invoice. */
  CreditNote = 'credit_note',
}

/**
 * An issued invoice or credit note. Everything on it is a snapshot taken at issue; a database
 * trigger refuses every UPDATE and DELETE, so there is no way to change one.
 */
@Entity({ tableName: 'invoice' })
@Unique({ properties: ['number'] })
@Index({ properties: ['organization', 'issuedAt', 'id'] })
@Index({ properties: ['billingOwner', 'issuedAt', 'id'] })
// One invoice per subscription and period: the billing run can never issue a period twice, not even from two workers.
@Index({
  name: 'invoice_subscription_id_period_start_unique',
  expression: `create unique index "invoice_subscription_id_period_start_unique" on "invoice" ("subscription_id", "period_start") where "subscription_id" is not null and "type" = 'invoice'`,
})
@Check({ name: 'invoice_credit_note_corrects_check', expression: `("type" = 'credit_note') = ("corrects_invoice_id" is not null)` })
export class Invoice extends BaseEntity<'lines' | 'subscriptionId' | 'type' | 'correctsInvoice' | 'vatTreatment' | 'creditReason'> {
  /** YYYY-NNNNNN, gapless per year; credit notes take theirs from the same sequence. */
  @Property({ type: 'text' })
  number!: string;

  @Enum({ items: () => InvoiceType, nativeEnumName: 'invoice_type', default: InvoiceType.Invoice })
  type: InvoiceType = InvoiceType.Invoice;

  /** The invoice a credit note corrects. */
  @ManyToOne(() => Invoice, { nullable: true, deleteRule: 'restrict', index: true })
  correctsInvoice?: Invoice;

  /** Why a credit note corrects its invoice, when staff gave a reason; printed on it. */
  @Property({ type: 'text', nullable: true })
  creditReason?: string | null;

  /** The organization the invoice is for (a customer organization may be deleted later). */
  @ManyToOne(() => Organization, { deleteRule: 'restrict' })
  organization!: Organization;

  /** The addressee: the partner for linked customer organizations. */
  @ManyToOne(() => Organization, { deleteRule: 'restrict' })
  billingOwner!: Organization;

  @Property({ type: 'uuid', nullable: true })
  subscriptionId?: string;

  @Property({ type: 'jsonb' })
  recipient!: InvoiceRecipient;

  @Property({ type: 'timestamptz' })
  issuedAt!: Date;

  /** Payable at the latest: issue date + PAYMENT_TERMS_DAYS; null on a credit note. */
  @Property({ type: 'timestamptz', nullable: true })
  dueAt?: Date | null;

  /** How it is paid, as at issue (invoice-payment.ts); a credit note's is its invoice's. Null on invoices from before it was recorded. */
  @Property({ type: 'jsonb', nullable: true })
  payment?: InvoicePayment | null;

  @Property({ type: 'timestamptz' })
  periodStart!: Date;

  @Property({ type: 'timestamptz' })
  periodEnd!: Date;

  @Property({ type: 'integer' })
  netCents!: number;

  @Property({ type: 'decimal', precision: 5, scale: 2, runtimeType: 'number' })
  vatRatePercent!: number;

  /** How it was taxed (vat-treatment.ts), decided at issue from the recipient; a credit note's is its invoice's. */
  @Enum({ items: () => ['domestic', 'reverse-charge', 'outside-eu'], nativeEnumName: 'invoice_vat_treatment', default: 'domestic' })
  vatTreatment: VatTreatment = 'domestic';

  @Property({ type: 'integer' })
  taxCents!: number;

  @Property({ type: 'integer' })
  grossCents!: number;

  @Property({ type: 'text' })
  currency!: 'EUR';

  @OneToMany(() => InvoiceLine, (line) => line.invoice, { orderBy: { position: 'asc' } })
  lines = new Collection<InvoiceLine>(this);
}

@Entity({ tableName: 'invoice_line' })
@Unique({ properties: ['invoice', 'position'] })
export class InvoiceLine extends BaseEntity<'periodStart' | 'periodEnd'> {
  @ManyToOne(() => Invoice, { deleteRule: 'restrict' })
  invoice!: Invoice;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  unitPriceCents!: number;

  @Property({ type: 'integer' })
  totalCents!: number;

  /** The line's own period where it is not the invoice's (a pro-rated addon, the credited rest of a period); end exclusive. */
  @Property({ type: 'timestamptz', nullable: true })
  periodStart?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  periodEnd?: Date;
}
