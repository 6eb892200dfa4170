import { CATALOGUES, LOCALES, translator } from './catalogue';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );

/** The names a message interpolates, escaped ({{name}}) or not ({{- name}}). */
const placeholders = (message: string) => [...message.matchAll(/\{\{-?\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('message catalogue', () => {
  const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(CATALOGUES[locale] as Tree)]));

  it('has every key in every language', () => {
    const [first, ...others] = LOCALES;
    for (const locale of others) expect(Object.keys(flat[locale]).sort()).toEqual(Object.keys(flat[first]).sort());
  });

  it.each(LOCALES)('%s: every message is non-empty and interpolates what the other languages do', (locale) => {
    for (const [key, message] of Object.entries(flat[locale])) {
      expect({ key, empty: message.trim() === '' }).toEqual({ key, empty: false });
      for (const other of LOCALES) expect({ key, names: placeholders(message) }).toEqual({ key, names: placeholders(flat[other][key]) });
    }
  });

  it('picks the plural form by count in each language', () => {
    expect(translator('en')('mail.deliveryFailures.subject', { count: 1 })).toBe('1 mail could not be delivered');
    expect(translator('en')('mail.deliveryFailures.subject', { count: 3 })).toBe('3 mails could not be delivered');
    expect(translator('de')('mail.deliveryFailures.subject', { count: 1 })).toBe('1 Mail konnte nicht zugestellt werden');
    expect(translator('de')('mail.deliveryFailures.subject', { count: 3 })).toBe('3 Mails konnten nicht zugestellt werden');
  });
});
