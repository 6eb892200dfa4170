import { parseVatId } from './vat-id';

describe('parseVatId', () => {
  it.each([
    ['DE123456789', 'DE123456789'],
    ['de 123 456 789', 'DE123456789'],
    ['ATU12345678', 'ATU12345678'],
    ['NL123456789B01', 'NL123456789B01'],
    ['EL123456789', 'EL123456789'],
    ['FRXX123456789', 'FRXX123456789'],
  ])('accepts %s as %s', (input, stored) => {
    expect(parseVatId(input)).toBe(stored);
  });

  it.each([
    ['a German number one digit short', 'DE12345678'],
    ['an Austrian number without its U', 'AT12345678'],
    ['digits without a country prefix', '123456789'],
    ['a prefix that is no country', 'XX123456789'],
    ['Greece under its ISO code instead of EL', 'GR123456789'],
    ['the prefix alone', 'DE'],
    ['an empty string', ''],
  ])('refuses %s', (_case, input) => {
    expect(parseVatId(input)).toBeNull();
  });
});
