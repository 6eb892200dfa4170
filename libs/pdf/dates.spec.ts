import { formatDate, formatPeriod } from './dates';

describe('formatDate', () => {
  it('prints the UTC calendar day as DD.MM.YYYY', () => {
    expect(formatDate(new Date('2025-03-01T00:00:00Z'))).toBe('01.03.2025');
    expect(formatDate(new Date('2025-12-31T23:59:59Z'))).toBe('31.12.2025');
  });

  it('refuses an invalid date', () => {
    expect(() => formatDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('formatPeriod', () => {
  it('prints the exclusive end as the last day of the period', () => {
    expect(formatPeriod(new Date('2025-01-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z'))).toBe('01.01.2025 – 31.01.2025');
    expect(formatPeriod(new Date('2024-01-31T00:00:00Z'), new Date('2024-02-29T00:00:00Z'))).toBe('31.01.2024 – 28.02.2024');
    expect(formatPeriod(new Date('2025-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))).toBe('01.01.2025 – 31.12.2025');
  });

  it('keeps a period that ends within a day on that day', () => {
    expect(formatPeriod(new Date('2025-03-12T00:00:00Z'), new Date('2025-03-31T23:59:59Z'))).toBe('12.03.2025 – 31.03.2025');
  });

  it('never ends before it starts', () => {
    const day = new Date('2025-03-12T00:00:00Z');
    expect(formatPeriod(day, day)).toBe('12.03.2025 – 12.03.2025');
  });
});

describe('English dates', () => {
  it('writes the month out, so 02/12 cannot be misread', () => {
    expect(formatDate(new Date('2026-12-02T00:00:00Z'), 'en')).toBe('2 Dec 2026');
    expect(formatPeriod(new Date('2025-01-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z'), 'en')).toBe('1 Jan 2025 – 31 Jan 2025');
  });
});
