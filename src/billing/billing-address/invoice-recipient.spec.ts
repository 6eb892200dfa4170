import { BillingAddressChoice, BillingOwnerDetails, defaultBillingAddressChoice, missingRecipientFields, resolveInvoiceRecipient } from './invoice-recipient';

const owner: BillingOwnerDetails = {
  name: 'Muster IT GmbH',
  address: { street: 'Hauptstraße 1', postalCode: '99084', city: 'Erfurt', country: 'DE' },
  firstAdminEmail: 'admin@muster.example',
};

const saved = (differentBillingAddress: boolean, useAsInvoiceRecipient: boolean): BillingAddressChoice => ({
  differentBillingAddress,
  useAsInvoiceRecipient,
  recipient: { name: 'Muster Holding AG', street: 'Postfach 12', postalCode: '10115', city: 'Berlin', country: 'DE', email: 'rechnung@muster.example' },
});

describe('resolveInvoiceRecipient', () => {
  it('addresses the organization at its first admin’s e-mail while nothing is saved', () => {
    expect(resolveInvoiceRecipient(owner, null)).toEqual({ name: 'Muster IT GmbH', ...owner.address, email: 'admin@muster.example', vatId: null });
  });

  it('takes only the saved e-mail while no different billing address is chosen', () => {
    expect(resolveInvoiceRecipient(owner, saved(false, false))).toEqual({ name: 'Muster IT GmbH', ...owner.address, email: 'rechnung@muster.example', vatId: null });
  });

  it('sends to the saved postal address under the organization’s name', () => {
    expect(resolveInvoiceRecipient(owner, saved(true, false))).toEqual({
      name: 'Muster IT GmbH',
      street: 'Postfach 12',
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
      email: 'rechnung@muster.example',
      vatId: null,
    });
  });

  it('uses the saved recipient as a whole when it is to be the invoice recipient', () => {
    expect(resolveInvoiceRecipient(owner, saved(true, true))).toEqual({ ...saved(true, true).recipient, vatId: null });
  });

  it('carries the VAT ID saved with the billing address, else the organization\'s own', () => {
    const withOwn = { ...owner, vatId: 'DE123456789' };
    expect(resolveInvoiceRecipient(withOwn, null).vatId).toBe('DE123456789');
    const choice = saved(true, true);
    expect(resolveInvoiceRecipient(withOwn, { ...choice, recipient: { ...choice.recipient, vatId: 'ATU12345678' } }).vatId).toBe('ATU12345678');
  });
});

describe('defaultBillingAddressChoice', () => {
  it('shows both switches off and the organization as recipient', () => {
    expect(defaultBillingAddressChoice(owner)).toEqual({
      differentBillingAddress: false,
      useAsInvoiceRecipient: false,
      recipient: { name: 'Muster IT GmbH', ...owner.address, email: 'admin@muster.example' },
    });
  });
});

describe('missingRecipientFields', () => {
  const complete = { name: 'Acme IT GmbH', street: 'Hauptstraße 1', postalCode: '99084', city: 'Erfurt', country: 'DE', email: 'rechnung@acme.example' };

  it('finds nothing missing on a complete address', () => {
    expect(missingRecipientFields(complete)).toEqual([]);
  });

  it('counts blanks and placeholders such as "-" as missing', () => {
    expect(missingRecipientFields({ ...complete, street: '-', city: '  ', email: '' })).toEqual(['street', 'city', 'email']);
    expect(missingRecipientFields({ ...complete, name: '–', postalCode: '...' })).toEqual(['name', 'postalCode']);
  });
});
