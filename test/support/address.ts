// Imports nothing from src/, so the back-office tests (which run against a started server) can use it too.

export const address = (overrides: Partial<Record<'street' | 'postalCode' | 'city' | 'country', string>> = {}) => ({
  street: 'Hauptstraße 1',
  postalCode: '99084',
  city: 'Erfurt',
  country: 'DE',
  ...overrides,
});

/** The same address as partner:create's required options. */
export function partnerAddressOptions(): string[] {
  const { street, postalCode, city, country } = address();
  return ['--street', street, '--postal-code', postalCode, '--city', city, '--country', country];
}
