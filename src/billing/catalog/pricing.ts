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

/**
 * A credit note's totals: the totals of the credited amounts, negated. Crediting every line of an
 * invoice in full therefore gives exactly that invoice's totals with a minus sign (the VAT is not
 * rounded a second time in the other direction).
 */
export function creditTotals(creditedCents: number[], vatRatePercent: number): InvoiceTotals {
  const credited = invoiceTotals(creditedCents, vatRatePercent);
  return { netCents: 0 - credited.netCents, taxCents: 0 - credited.taxCents, grossCents: 0 - credited.grossCents };
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

/** [start, end): `end` is the next period's start. */
export interface BillingPeriod {
  start: Date;
  end: Date;
}

const daysIn = (period: BillingPeriod) => Math.round((period.end.getTime() - period.start.getTime()) / DAY_MS);

/**
 * The part of a period price owed for an item booked at `from` during the
 * period [start, end): whole days remaining (a started day counts) / days in
 * the period × price, rounded half up to the cent. Booked before the period:
 * the full price; at or after its end: nothing.
 */
export function proratedPriceCents(priceCents: number, period: BillingPeriod, from: Date): number {
  return shareOfPeriodCents(priceCents, period, Math.ceil((period.end.getTime() - from.getTime()) / DAY_MS));
}

/**
 * What is left of the period [start, end) when an item ends at `endedAt`: the whole days after
 * the day it ended (that day counts as used), up to the period end. Ended before the period: all of
 * it; at or after its end: nothing (start = end).
 */
export function unusedPeriod(period: BillingPeriod, endedAt: Date): BillingPeriod {
  const days = Math.min(daysIn(period), Math.max(0, Math.floor((period.end.getTime() - endedAt.getTime()) / DAY_MS)));
  return { start: new Date(period.end.getTime() - days * DAY_MS), end: period.end };
}

/** The part of a period price not used when an item ends at `endedAt` (see `unusedPeriod`), rounded half up. */
export function unusedShareCents(priceCents: number, period: BillingPeriod, endedAt: Date): number {
  const unused = unusedPeriod(period, endedAt);
  return shareOfPeriodCents(priceCents, period, daysIn(unused));
}

/** `days` (clamped to the period) / days in the period × price; integer arithmetic: floor((2·p·r + d) / 2d) is p·r/d rounded half up. */
function shareOfPeriodCents(priceCents: number, period: BillingPeriod, days: number): number {
  const daysInPeriod = Math.max(1, daysIn(period));
  const share = Math.min(daysInPeriod, Math.max(0, days));
  return Math.floor((2 * priceCents * share + daysInPeriod) / (2 * daysInPeriod));
}

/** When an invoice issued at `issuedAt` is payable at the latest, with `termsDays` of payment terms. */
export function dueDate(issuedAt: Date, termsDays: number): Date {
  return new Date(issuedAt.getTime() + termsDays * 86_400_000);
}
