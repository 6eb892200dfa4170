import { formatDecimal, formatMoney, formatPercent } from './money';

const NBSP = '\u00a0';

describe('formatMoney', () => {
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [99, '0,99'],
    [100, '1,00'],
    [123456, '1.234,56'],
    [100000000, '1.000.000,00'],
    [-5, '-0,05'],
    [-123456, '-1.234,56'],
  ])('%i cents → %s €', (cents, amount) => {
    expect(formatMoney(cents)).toBe(`${amount}${NBSP}€`);
  });

  it.each([
    [123456, '€1,234.56'],
    [-5, '-€0.05'],
  ])('%i cents in English → %s', (cents, amount) => {
    expect(formatMoney(cents, 'en')).toBe(amount);
  });

  it('refuses fractions of a cent and non-numbers', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
    expect(() => formatMoney(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatDecimal', () => {
  it.each([
    [3, '3'],
    [0.5, '0,5'],
    [0.25, '0,25'],
    [1234.5, '1.234,5'],
    [2.999, '3'],
    [-1.5, '-1,5'],
    [-0.001, '0'],
  ])('%d → %s', (value, text) => {
    expect(formatDecimal(value)).toBe(text);
  });
});

describe('formatPercent', () => {
  it('writes German percentages', () => {
    expect(formatPercent(19)).toBe(`19${NBSP}%`);
    expect(formatPercent(7.5)).toBe(`7,5${NBSP}%`);
  });
});
