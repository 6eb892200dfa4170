export { CATALOGUES, DEFAULT_LOCALE, LOCALES, isLocale, translator } from './catalogue';
export type { Catalogue, Locale } from './catalogue';
