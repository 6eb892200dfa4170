/**
 * The one place prices are computed: a catalog item's net price for a billing
 * owner, and an invoice's totals. Pure; integer cents throughout.
 */

export interface PartnerConditions {
  discountPercent: number;
  /** Catalog code → net price in cents; wins over the discount. */
  priceOverrides: Record<string, number>;
}

export interface PricedItem {
  code: string;
  listPriceCents: number;
}

/** Net unit price in cents: an override, else the list price less the discount (rounded half up), else the list price. */
export function priceFor(item: PricedItem, conditions: PartnerConditions | null): number {
  if (!conditions) return item.listPriceCents;
  const override = conditions.priceOverrides[item.code];
  if (override !== undefined) return override;
  return Math.round((item.listPriceCents * (100 - conditions.discountPercent)) / 100);
}

export interface InvoiceTotals {
  netCents: number;
  taxCents: number;
  grossCents: number;
}

/** VAT on the net sum, rounded half up to the cent. */
export function invoiceTotals(lineTotalsCents: number[], vatRatePercent: number): InvoiceTotals {
  const netCents = lineTotalsCents.reduce((sum, total) => sum + total, 0);
  const taxCents = Math.round((netCents * vatRatePercent) / 100);
  return { netCents, taxCents, grossCents: netCents + taxCents };
}

/** The end of a billing period that starts at `start`; month ends clamp (31 Jan → 28/29 Feb). */
export function periodEnd(start: Date, interval: 'month' | 'year'): Date {
  const months = interval === 'month' ? 1 : 12;
  const end = new Date(start);
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The part of a period price owed for an item booked at `from` during the
 * period [start, end): whole days remaining (a started day counts) / days in
 * the period × price, rounded half up to the cent. Booked before the period:
 * the full price; at or after its end: nothing.
 */
export function proratedPriceCents(priceCents: number, period: { start: Date; end: Date }, from: Date): number {
  const daysInPeriod = Math.max(1, Math.round((period.end.getTime() - period.start.getTime()) / DAY_MS));
  const daysRemaining = Math.min(daysInPeriod, Math.max(0, Math.ceil((period.end.getTime() - from.getTime()) / DAY_MS)));
  // Integer arithmetic: floor((2·p·r + d) / 2d) is p·r/d rounded half up.
  return Math.floor((2 * priceCents * daysRemaining + daysInPeriod) / (2 * daysInPeriod));
}
