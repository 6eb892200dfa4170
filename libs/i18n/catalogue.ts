import i18next, { type TFunction } from 'i18next';
import type { Catalogue } from './catalogue-shape';
import { de } from './messages.de';
import { en } from './messages.en';

/** The languages partnerhub speaks; German is the default (the product and most customers are German). */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

export type { Catalogue } from './catalogue-shape';

export const CATALOGUES: Record<Locale, Catalogue> = { de, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// One i18next instance for the process, initialized synchronously from the bundled catalogues.
const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: CATALOGUES[locale] }])),
  returnNull: false,
  // A missing key is a bug, caught by the catalogue test; at run time the key itself shows.
  saveMissing: false,
});

/** The translate function of one language. */
export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}
