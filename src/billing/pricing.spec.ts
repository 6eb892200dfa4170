import { invoiceTotals, periodEnd, priceFor } from './pricing';

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
