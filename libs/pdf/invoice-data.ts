import type { Locale } from '../i18n';
// What an invoice PDF shows. All money is integer cents; the caller passes the issued snapshot
// unchanged, nothing here recomputes prices or totals.

export interface PartyAddress {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  email?: string;
  /** The recipient's VAT ID, printed under its address. */
  vatId?: string | null;
}

export interface SellerDetails extends PartyAddress {
  vatId?: string;
  /** Steuernummer; printed when there is no VAT ID. */
  taxNumber?: string;
  /** Shown on the seller's e-invoice contact (XRechnung requires one). */
  phone?: string;
  /** The account invoices are paid to by transfer; printed in the footer. IBAN in electronic format. */
  bank?: { iban: string; bic?: string; name?: string };
}

/**
 * How the invoice is paid: the billing owner's direct-debit mandate or card as at issue, or else a
 * transfer to the seller's account. A credit note carries its invoice's and is refunded that way.
 */
export type PaymentInstruction =
  | { method: 'sepa-direct-debit'; mandateReference: string; creditorId: string; /** masked IBAN */ account: string }
  | { method: 'card'; /** masked, e.g. `Visa •••• 4242` */ card: string; last4: string; /** the card scheme, e.g. `visa` */ network: string }
  | { method: 'credit-transfer' };

export interface InvoiceLineData {
  description: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
  /** A line's own period (e.g. a pro-rated addon); `periodEnd` is exclusive, like the invoice's. */
  periodStart?: Date;
  periodEnd?: Date;
}

/** An invoice or, with `corrects`, a credit note. */
export interface InvoiceDocumentData {
  /** The recipient's language: every label, date and amount follows it. */
  locale: Locale;
  /** The platform vendor, from configuration. */
  seller: SellerDetails;
  /** The billing owner, as snapshotted on the invoice. */
  recipient: PartyAddress;
  /** `YYYY-NNNNNN`. */
  number: string;
  issuedAt: Date;
  periodStart: Date;
  /** Exclusive end (the next period's start); the PDF prints the day before. */
  periodEnd: Date;
  /** The customer organization the invoice is for, when the recipient is its partner. */
  customerName?: string;
  /** Why the VAT is 0 %: the recipient owes it (reverse charge), or the service is not taxable here (outside the EU). */
  vatNote?: 'reverse-charge' | 'outside-eu' | null;
  /** Payable at the latest; an invoice has one, a credit note none. */
  dueAt?: Date | null;
  payment: PaymentInstruction;
  /** The billing owner's customer number with the seller, quoted as the buyer reference (BT-10) in the e-invoice. */
  buyerReference: string;
  lines: InvoiceLineData[];
  netCents: number;
  vatRatePercent: number;
  taxCents: number;
  grossCents: number;
  currency: 'EUR';
  /** Set on a credit note (Rechnungskorrektur): the invoice it corrects. Its amounts are negative. */
  corrects?: { number: string; issuedAt: Date };
  /** Why staff corrected the invoice, printed on the credit note. */
  creditReason?: string | null;
  /** PNG or JPEG for the header (whitelabel); without it the seller's name is printed there. */
  logo?: Buffer;
}
