import { IBAN_LENGTHS, checkIban, maskIban, normalizeIban } from './iban';

describe('checkIban', () => {
  it.each([
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'de89370400440532013000',
    'GB82WEST12345698765432',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'BE68539007547034',
    'CH9300762011623852957',
    'NO9386011117947',
    'AT611904300234573201',
  ])('accepts %s', (input) => {
    expect(checkIban(input)).toEqual({ valid: true, iban: normalizeIban(input) });
  });

  it.each([
    ['a wrong check digit', 'DE89370400440532013001', /check digits/],
    ['swapped digits', 'DE89370400440523013000', /check digits/],
    ['one character too few', 'DE8937040044053201300', /DE has 22 characters/],
    ['one character too many', 'GB82WEST123456987654321', /GB has 22 characters/],
    ['an unknown country', 'XX89370400440532013000', /XX does not use IBANs/],
    ['no check digits', 'DEAB370400440532013000', /country code, two check digits/],
    ['punctuation', 'DE89.3704.0044.0532.0130.00', /country code, two check digits/],
    ['nothing', '', /country code, two check digits/],
  ])('rejects %s', (_name, input, reason) => {
    const check = checkIban(input);
    expect(check.valid).toBe(false);
    expect(check.valid === false && check.reason).toMatch(reason);
  });

  it('never repeats the IBAN in its reason', () => {
    const check = checkIban('DE89370400440532013001');
    expect(check.valid === false && check.reason).not.toContain('370400440532013001');
  });

  it('knows the lengths of the SEPA countries', () => {
    expect(IBAN_LENGTHS).toMatchObject({ DE: 22, AT: 20, CH: 21, FR: 27, IT: 27, ES: 24, NL: 18, BE: 16, NO: 15, MT: 31, PL: 28 });
  });
});

describe('maskIban', () => {
  it.each([
    ['DE89370400440532013000', 'DE89 •••• •••• •••• •••• 3000'],
    ['BE68539007547034', 'BE68 •••• •••• 7034'],
    ['NO9386011117947', 'NO93 •••• •••• 7947'],
  ])('masks %s as %s', (iban, masked) => {
    expect(maskIban(iban)).toBe(masked);
  });
});
