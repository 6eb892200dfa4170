import { vatRateFor, vatTreatment } from './vat-treatment';

describe('vatTreatment', () => {
  it.each([
    ['a German business', { country: 'DE', vatId: 'DE123456789' }, 'domestic'],
    ['a German recipient without VAT ID', { country: 'de', vatId: null }, 'domestic'],
    ['an Austrian business with a VAT ID', { country: 'AT', vatId: 'ATU12345678' }, 'reverse-charge'],
    ['an Austrian recipient without VAT ID', { country: 'AT', vatId: null }, 'domestic'],
    ['a Swiss business', { country: 'CH', vatId: 'CHE123456789' }, 'outside-eu'],
    ['a British recipient', { country: 'GB', vatId: null }, 'outside-eu'],
  ] as const)('%s → %s', (_who, recipient, treatment) => {
    expect(vatTreatment('DE', recipient)).toBe(treatment);
  });

  it('charges the domestic rate only on domestic invoices', () => {
    expect(vatRateFor('domestic', 19)).toBe(19);
    expect(vatRateFor('reverse-charge', 19)).toBe(0);
    expect(vatRateFor('outside-eu', 19)).toBe(0);
  });
});
