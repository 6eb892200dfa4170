import { creditTotals, invoiceTotals, periodEnd, priceFor, proratedPriceCents, unusedPeriod, unusedShareCents } from './pricing';

describe('priceFor', () => {
  const business = { code: 'business', listPriceCents: 19900 };

  it.each([
    ['no partner conditions', null, 19900],
    ['20 % discount', { discountPercent: 20, priceOverrides: {} }, 15920],
    ['12.5 % discount rounds half up', { discountPercent: 12.5, priceOverrides: {} }, 17413],
    ['an override wins over the discount', { discountPercent: 20, priceOverrides: { business: 9900 } }, 9900],
    ['an override for another code does not apply', { discountPercent: 0, priceOverrides: { starter: 1 } }, 19900],
    ['100 % discount', { discountPercent: 100, priceOverrides: {} }, 0],
  ])('%s', (_case, conditions, expected) => {
    expect(priceFor(business, conditions)).toBe(expected);
  });
});

describe('invoiceTotals', () => {
  it('adds VAT on the net sum', () => {
    expect(invoiceTotals([15920, 3120], 19)).toEqual({ netCents: 19040, taxCents: 3618, grossCents: 22658 });
  });

  it('handles an empty invoice and a zero rate', () => {
    expect(invoiceTotals([], 19)).toEqual({ netCents: 0, taxCents: 0, grossCents: 0 });
    expect(invoiceTotals([1000], 0)).toEqual({ netCents: 1000, taxCents: 0, grossCents: 1000 });
  });
});

describe('periodEnd', () => {
  it.each([
    ['2026-01-15T10:00:00.000Z', 'month', '2026-02-15T10:00:00.000Z'],
    ['2026-01-31T00:00:00.000Z', 'month', '2026-02-28T00:00:00.000Z'],
    ['2028-01-31T00:00:00.000Z', 'month', '2028-02-29T00:00:00.000Z'],
    ['2026-12-05T00:00:00.000Z', 'month', '2027-01-05T00:00:00.000Z'],
    ['2028-02-29T00:00:00.000Z', 'year', '2029-02-28T00:00:00.000Z'],
  ] as const)('%s + one %s = %s', (start, interval, end) => {
    expect(periodEnd(new Date(start), interval).toISOString()).toBe(end);
  });
});

describe('proratedPriceCents', () => {
  // 30 days: 1 Nov 2026 → 1 Dec 2026.
  const november = { start: new Date('2026-11-01T00:00:00.000Z'), end: new Date('2026-12-01T00:00:00.000Z') };

  it.each([
    ['booked at the period start pays the full price', '2026-11-01T00:00:00.000Z', 3000, 3000],
    ['booked before the period pays the full price', '2026-10-20T00:00:00.000Z', 3000, 3000],
    ['10 of 30 days remaining', '2026-11-21T00:00:00.000Z', 3000, 1000],
    ['a started day counts as a whole day', '2026-11-20T23:59:00.000Z', 3000, 1100],
    ['the last day', '2026-11-30T12:00:00.000Z', 3000, 100],
    ['at the period end nothing is owed', '2026-12-01T00:00:00.000Z', 3000, 0],
    ['after the period end nothing is owed', '2026-12-05T00:00:00.000Z', 3000, 0],
    ['rounds half up (15 of 30 days of 1 cent)', '2026-11-16T00:00:00.000Z', 1, 1],
    ['10 of 30 days of 3120', '2026-11-21T00:00:00.000Z', 3120, 1040],
    ['7 of 30 days of 3900', '2026-11-24T00:00:00.000Z', 3900, 910],
    ['a free item stays free', '2026-11-21T00:00:00.000Z', 0, 0],
  ])('%s', (_case, from, price, expected) => {
    expect(proratedPriceCents(price, november, new Date(from))).toBe(expected);
  });

  it('rounds x.5 up and x.49 down', () => {
    // 31-day period, 1 day remaining: 155 / 31 = 5 exactly; 1705 / 31 = 55; 16 / 31 ≈ 0.516 → 1; 15 / 31 ≈ 0.48 → 0.
    const january = { start: new Date('2027-01-01T00:00:00.000Z'), end: new Date('2027-02-01T00:00:00.000Z') };
    const lastDay = new Date('2027-01-31T00:00:00.000Z');
    expect(proratedPriceCents(155, january, lastDay)).toBe(5);
    expect(proratedPriceCents(16, january, lastDay)).toBe(1);
    expect(proratedPriceCents(15, january, lastDay)).toBe(0);
    // 2 days of a 4-day period of 1 cent: exactly 0.5 → 1.
    const fourDays = { start: new Date('2027-01-01T00:00:00.000Z'), end: new Date('2027-01-05T00:00:00.000Z') };
    expect(proratedPriceCents(1, fourDays, new Date('2027-01-03T00:00:00.000Z'))).toBe(1);
  });

  it('uses the days of the period: February is shorter', () => {
    const february = { start: new Date('2027-02-01T00:00:00.000Z'), end: new Date('2027-03-01T00:00:00.000Z') };
    expect(proratedPriceCents(2800, february, new Date('2027-02-15T00:00:00.000Z'))).toBe(1400);
  });
});

describe('unusedShareCents', () => {
  const november = { start: new Date('2026-11-01T00:00:00.000Z'), end: new Date('2026-12-01T00:00:00.000Z') };

  it.each([
    ['ended before the period: all of it is unused', '2026-10-20T00:00:00.000Z', 3000, 3000],
    ['ended at the period start: all of it', '2026-11-01T00:00:00.000Z', 3000, 3000],
    ['ended on the first day: that day was used', '2026-11-01T08:00:00.000Z', 3000, 2900],
    ['20 of 30 days unused', '2026-11-11T00:00:00.000Z', 3000, 2000],
    ['a started day counts as used', '2026-11-11T00:01:00.000Z', 3000, 1900],
    ['on the last day nothing is left', '2026-11-30T12:00:00.000Z', 3000, 0],
    ['after the period end nothing is left', '2026-12-05T00:00:00.000Z', 3000, 0],
  ])('%s', (_case, endedAt, price, expected) => {
    expect(unusedShareCents(price, november, new Date(endedAt))).toBe(expected);
  });

  it('credits the whole days after the day it ended', () => {
    expect(unusedPeriod(november, new Date('2026-11-11T09:30:00.000Z'))).toEqual({ start: new Date('2026-11-12T00:00:00.000Z'), end: november.end });
    expect(unusedPeriod(november, new Date('2026-12-02T00:00:00.000Z'))).toEqual({ start: november.end, end: november.end });
  });

  it('at a day boundary, the unused share and the share booked from then add up to the price', () => {
    const endedAt = new Date('2026-11-11T00:00:00.000Z');
    expect(unusedShareCents(3000, november, endedAt) + (3000 - proratedPriceCents(3000, november, endedAt))).toBe(3000);
  });
});

describe('creditTotals', () => {
  it('negates the totals of the credited amounts, so crediting a whole invoice mirrors it to the cent', () => {
    const invoice = invoiceTotals([19900, 3333], 19);
    expect(creditTotals([19900, 3333], 19)).toEqual({ netCents: -invoice.netCents, taxCents: -invoice.taxCents, grossCents: -invoice.grossCents });
    expect(creditTotals([], 19)).toEqual({ netCents: 0, taxCents: 0, grossCents: 0 });
  });
});
