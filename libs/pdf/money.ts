import type { Locale } from '../i18n';

// German number formatting, written out rather than left to Intl so the output does not depend on
// the ICU data of whichever Node build renders the invoice. English uses Intl (en-GB, which every
// ICU build has).

const ENGLISH_EUROS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
const englishDecimals = new Map<number, Intl.NumberFormat>();
const englishDecimal = (maxFractionDigits: number): Intl.NumberFormat => {
  if (!englishDecimals.has(maxFractionDigits)) englishDecimals.set(maxFractionDigits, new Intl.NumberFormat('en-GB', { maximumFractionDigits: maxFractionDigits }));
  return englishDecimals.get(maxFractionDigits)!;
};

/** No-break space: keeps a unit or sign on its number's line. */
export const NBSP = '\u00a0';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}

/**
 * Integer cents as a euro amount: German 123456 → `1.234,56 €`, -5 → `-0,05 €`; English `€1,234.56`, `-€0.05`.
 * A no-break space keeps the sign € on the amount's line.
 */
export function formatMoney(cents: number, locale: Locale = 'de'): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`money must be an integer number of cents, got ${cents}`);
  }
  if (locale === 'en') return ENGLISH_EUROS.format(cents / 100);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const euros = Math.floor(absolute / 100);
  const rest = String(absolute % 100).padStart(2, '0');
  return `${sign}${groupThousands(String(euros))},${rest}${NBSP}€`;
}

/** A plain decimal without trailing zeros: German 3 → `3`, 1234.5 → `1.234,5`, 0.25 → `0,25`; English `1,234.5`. */
export function formatDecimal(value: number, maxFractionDigits = 2, locale: Locale = 'de'): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  if (locale === 'en') return englishDecimal(maxFractionDigits).format(value);
  const fixed = Math.abs(value).toFixed(maxFractionDigits);
  const [whole, fraction = ''] = fixed.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${groupThousands(whole)}${trimmed ? `,${trimmed}` : ''}`;
}

/** 19 → `19 %`, 7.5 → `7,5 %` (German typography puts a space before the percent sign); English `7.5%`. */
export function formatPercent(value: number, locale: Locale = 'de'): string {
  return locale === 'en' ? `${formatDecimal(value, 2, 'en')}%` : `${formatDecimal(value)}${NBSP}%`;
}
