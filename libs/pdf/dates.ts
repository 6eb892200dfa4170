import type { Locale } from '../i18n';

// Dates are printed in UTC: billing computes periods in UTC (midnight to midnight), so a period that
// starts at 2025-01-01T00:00Z must print as 01.01.2025 whatever the renderer's time zone is.

const ENGLISH_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The UTC calendar day: `DD.MM.YYYY` in German, `2 Dec 2026` in English (unambiguous on both sides of the Atlantic). */
export function formatDate(date: Date, locale: Locale = 'de'): string {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError('invalid date');
  }
  if (locale === 'en') return ENGLISH_DATE.format(date);
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

/**
 * A service period as German invoices show it, both days inclusive. `end` is the exclusive end
 * billing stores (the next period's start), so 2025-01-01 → 2025-02-01 prints `01.01.2025 – 31.01.2025`.
 */
export function formatPeriod(start: Date, end: Date, locale: Locale = 'de'): string {
  const lastInstant = new Date(Math.max(start.getTime(), end.getTime() - 1));
  return `${formatDate(start, locale)} – ${formatDate(lastInstant, locale)}`;
}
