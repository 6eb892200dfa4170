import { OrganizationId } from '../src/common/organization-id';
import { BillingAddressService } from '../src/billing/billing-address/billing-address.service';
import { TestApp, createTestApp } from './support/test-app';
import { Login, Tenant, addMember, address, bearer, createCustomer, createTenant, orderSubscription } from './support/fixtures';

const IBAN = 'DE89370400440532013000';
const VISA = '4242424242424242';

const recipient = (overrides: Record<string, string> = {}) => ({
  name: 'Muster Holding AG',
  street: 'Postfach 12',
  postalCode: '10115',
  city: 'Berlin',
  country: 'DE',
  email: 'rechnung@muster.example',
  ...overrides,
});

describe('billing address and payment methods', () => {
  let testApp: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
  });
  afterAll(() => testApp.close());

  const billingAddressOf = (orgId: string) => `/api/v1/organizations/${orgId}/billing-address`;
  const paymentMethodsOf = (orgId: string) => `/api/v1/organizations/${orgId}/payment-methods`;
  const addPaymentMethod = (orgId: string, body: object, caller: Login = tenant.partnerAdmin) =>
    testApp.http.post(paymentMethodsOf(orgId)).set(bearer(caller)).send(body);
  const card = (overrides: Record<string, unknown> = {}) => ({
    type: 'card',
    number: VISA,
    expiryMonth: 12,
    expiryYear: new Date().getUTCFullYear() + 3,
    holder: 'Erika Mustermann',
    ...overrides,
  });

  /** A standalone organization founded by a fresh user, its first and only admin. */
  async function createStandalone(name: string) {
    const admin = await addMember(testApp, tenant.partnerAdmin, tenant.customerId, 'guest', 'founder');
    const created = await testApp.http
      .post('/api/v1/organizations')
      .set(bearer(admin))
      .send({ name, address: address({ street: 'Anger 5' }) })
      .expect(201);
    return { organizationId: created.body.id as OrganizationId, admin };
  }

  describe('billing address', () => {
    it('shows a linked customer organization its partner as invoice recipient, both switches on', async () => {
      const response = await testApp.http.get(billingAddressOf(tenant.customerId)).set(bearer(tenant.partnerAdmin)).expect(200);
      const [partner] = await testApp.sql<Record<string, string>>('select * from organization where id = ?', [tenant.partnerId]);
      expect(response.body).toEqual({
        differentBillingAddress: true,
        useAsInvoiceRecipient: true,
        recipient: {
          name: partner.name,
          street: partner.address_street,
          postalCode: partner.address_postal_code,
          city: partner.address_city,
          country: partner.address_country,
          email: tenant.partnerAdmin.email,
          vatId: null,
        },
        managedByPartner: true,
      });
    });

    it('refuses to change a linked customer organization’s billing address with 409 managed-by-partner', async () => {
      const response = await testApp.http
        .put(billingAddressOf(tenant.customerId))
        .set(bearer(tenant.partnerAdmin))
        .send({ differentBillingAddress: true, useAsInvoiceRecipient: true, recipient: recipient() })
        .expect(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ type: expect.stringMatching(/\/managed-by-partner$/), status: 409, partnerId: tenant.partnerId });
    });

    it('saves the partner’s billing address, shows it back and in its customers, and audits the change', async () => {
      const { partnerId, customerId, partnerAdmin } = await createTenant(testApp); // leaves the shared partner unsaved
      const body = { differentBillingAddress: true, useAsInvoiceRecipient: true, recipient: recipient({ country: 'at', name: ' Muster Holding AG ' }) };
      const saved = await testApp.http.put(billingAddressOf(partnerId)).set(bearer(partnerAdmin)).send(body).expect(200);
      const expected = { differentBillingAddress: true, useAsInvoiceRecipient: true, recipient: { ...recipient({ country: 'AT' }), vatId: null }, managedByPartner: false };
      expect(saved.body).toEqual(expected);
      await testApp.http.get(billingAddressOf(partnerId)).set(bearer(partnerAdmin)).expect(200, expected);

      const customer = await testApp.http.get(billingAddressOf(customerId)).set(bearer(partnerAdmin)).expect(200);
      expect(customer.body.recipient).toEqual({ ...recipient({ country: 'AT' }), vatId: null });

      const audit = await testApp.http.get(`/api/v1/organizations/${partnerId}/audit-log`).set(bearer(partnerAdmin)).expect(200);
      expect(audit.body.items[0]).toMatchObject({ action: 'billing-address.update', target: { type: 'organization', id: partnerId } });
    });

    it('gives each switch its own effect on the invoice recipient', async () => {
      const { organizationId, admin } = await createStandalone('Solo Effects GmbH');
      const billingAddresses = testApp.app.get(BillingAddressService);
      const own = { name: 'Solo Effects GmbH', ...address({ street: 'Anger 5' }) };
      expect(await billingAddresses.invoiceRecipient(organizationId)).toEqual({ ...own, email: admin.email, vatId: null });

      const put = (differentBillingAddress: boolean, useAsInvoiceRecipient: boolean) =>
        testApp.http.put(billingAddressOf(organizationId)).set(bearer(admin)).send({ differentBillingAddress, useAsInvoiceRecipient, recipient: recipient() });
      await put(false, false).expect(200);
      expect(await billingAddresses.invoiceRecipient(organizationId)).toEqual({ ...own, email: 'rechnung@muster.example', vatId: null });
      await put(true, false).expect(200);
      expect(await billingAddresses.invoiceRecipient(organizationId)).toEqual({ ...recipient(), name: 'Solo Effects GmbH', vatId: null });
      await put(true, true).expect(200);
      expect(await billingAddresses.invoiceRecipient(organizationId)).toEqual({ ...recipient(), vatId: null });

      const meaningless = await put(false, true).expect(400);
      expect(meaningless.body.errors).toEqual([{ field: 'useAsInvoiceRecipient', message: 'useAsInvoiceRecipient requires differentBillingAddress' }]);
    });

    it('keeps the recipient\'s VAT ID, checked per country, normalized, and prints it on the invoices', async () => {
      const { partnerId, customerId, partnerAdmin } = await createTenant(testApp);
      const put = (vatId: unknown) =>
        testApp.http.put(billingAddressOf(partnerId)).set(bearer(partnerAdmin)).send({ differentBillingAddress: true, useAsInvoiceRecipient: true, recipient: { ...recipient({ country: 'AT' }), vatId } });
      const malformed = await put('ATU1234').expect(400);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'recipient.vatId' })]);
      const saved = await put('atu 1234 5678').expect(200);
      expect(saved.body.recipient.vatId).toBe('ATU12345678');

      const { invoice } = await orderSubscription(testApp, partnerAdmin, customerId);
      const [row] = await testApp.sql<{ recipient: { vatId: string } }>('select recipient from invoice where id = ?', [invoice.id]);
      expect(row.recipient.vatId).toBe('ATU12345678');
      // A business in another EU country: reverse charge, no German VAT.
      const issued = await testApp.http.get(`/api/v1/organizations/${customerId}/invoices/${invoice.id}`).set(bearer(partnerAdmin)).expect(200);
      expect(issued.body).toMatchObject({ vatRate: 0, tax: 0, vatTreatment: 'reverse-charge' });
      expect(issued.body.gross).toBe(issued.body.net);
    });

    it('charges no German VAT to a recipient outside the EU, and German VAT at home', async () => {
      const swiss = await createTenant(testApp);
      await testApp.http
        .put(billingAddressOf(swiss.partnerId))
        .set(bearer(swiss.partnerAdmin))
        .send({ differentBillingAddress: true, useAsInvoiceRecipient: true, recipient: recipient({ country: 'CH', postalCode: '8001', city: 'Zürich' }) })
        .expect(200);
      const abroad = await orderSubscription(testApp, swiss.partnerAdmin, swiss.customerId);
      const outside = await testApp.http.get(`/api/v1/organizations/${swiss.customerId}/invoices/${abroad.invoice.id}`).set(bearer(swiss.partnerAdmin)).expect(200);
      expect(outside.body).toMatchObject({ vatRate: 0, tax: 0, vatTreatment: 'outside-eu' });

      const customer = await createCustomer(testApp, tenant.partnerAdmin, tenant.partnerId);
      const home = await orderSubscription(testApp, tenant.partnerAdmin, customer.id);
      const domestic = await testApp.http.get(`/api/v1/organizations/${customer.id}/invoices/${home.invoice.id}`).set(bearer(tenant.partnerAdmin)).expect(200);
      expect(domestic.body).toMatchObject({ vatRate: 19, vatTreatment: 'domestic' });
    });

    it('addresses a linked customer organization’s invoices to its partner', async () => {
      const billingAddresses = testApp.app.get(BillingAddressService);
      expect(await billingAddresses.invoiceRecipient(tenant.customerId)).toEqual(await billingAddresses.invoiceRecipient(tenant.partnerId));
    });

    it('shows a standalone organization itself at its first admin’s e-mail until the form is saved', async () => {
      const { organizationId, admin } = await createStandalone('Solo Default GmbH');
      await testApp.http.get(billingAddressOf(organizationId)).set(bearer(admin)).expect(200, {
        differentBillingAddress: false,
        useAsInvoiceRecipient: false,
        recipient: { name: 'Solo Default GmbH', ...address({ street: 'Anger 5' }), email: admin.email },
        managedByPartner: false,
      });
    });

    it('is for the billing owner’s admins only: 403 for customer logins and partner guests, 404 for strangers', async () => {
      for (const caller of [tenant.customerAdmin, tenant.customerGuest, tenant.partnerGuest]) {
        await testApp.http.get(billingAddressOf(tenant.customerId)).set(bearer(caller)).expect(403);
      }
      await testApp.http.get(billingAddressOf(tenant.customerId)).set(bearer(tenant.strangerAdmin)).expect(404);
      await testApp.http.get(billingAddressOf(tenant.partnerId)).set(bearer(tenant.customerAdmin)).expect(404);
      await testApp.http
        .put(billingAddressOf(tenant.partnerId))
        .set(bearer(tenant.strangerAdmin))
        .send({ differentBillingAddress: false, useAsInvoiceRecipient: false, recipient: recipient() })
        .expect(404);
    });

    it('rejects unknown fields, missing fields and bad e-mails and countries, naming them', async () => {
      const response = await testApp.http
        .put(billingAddressOf(tenant.partnerId))
        .set(bearer(tenant.partnerAdmin))
        .send({ differentBillingAddress: 'yes', useAsInvoiceRecipient: false, managedByPartner: false, recipient: recipient({ email: 'nope', country: 'XY' }) })
        .expect(400);
      expect(response.body.type).toMatch(/\/validation-failed$/);
      const fields = (response.body.errors as { field: string }[]).map((error) => error.field).sort();
      expect(fields).toEqual(['differentBillingAddress', 'managedByPartner', 'recipient.country', 'recipient.email']);

      const missing = await testApp.http.put(billingAddressOf(tenant.partnerId)).set(bearer(tenant.partnerAdmin)).send({}).expect(400);
      expect((missing.body.errors as { field: string }[]).map((error) => error.field)).toEqual(
        expect.arrayContaining(['differentBillingAddress', 'useAsInvoiceRecipient', 'recipient']),
      );
    });
  });

  describe('payment methods', () => {
    it('stores a SEPA mandate masked: the IBAN is in neither the response nor the database', async () => {
      const response = await addPaymentMethod(tenant.partnerId, { type: 'sepa', iban: 'DE89 3704 0044 0532 0130 00', accountHolder: 'Muster IT GmbH' }).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        type: 'sepa',
        label: 'DE89 •••• •••• •••• •••• 3000',
        last4: '3000',
        brand: null,
        expiryMonth: null,
        expiryYear: null,
        accountHolder: 'Muster IT GmbH',
        mandateReference: `PH${(response.body.id as string).replaceAll('-', '').toUpperCase()}`,
        createdAt: expect.any(String),
      });
      expect(response.body.mandateReference).toHaveLength(34);
      expect(JSON.stringify(response.body)).not.toContain('370400440532');

      const rows = await testApp.sql<Record<string, unknown>>('select * from payment_method where id = ?', [response.body.id]);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toMatch(/370400440532|3704 0044 0532/);
      const audit = await testApp.sql<Record<string, unknown>>('select * from audit_log_entry where target_id = ?', [response.body.id]);
      expect(audit).toEqual([expect.objectContaining({ action: 'payment-method.create', target_type: 'payment-method' })]);
      expect(JSON.stringify(audit)).not.toContain('370400440532');
    });

    it.each([
      ['a wrong check digit', 'DE89370400440532013001', 'iban check digits do not match (typo?)'],
      ['a wrong length', 'DE8937040044053201300', 'an IBAN from DE has 22 characters'],
      ['an unknown country', 'ZZ89370400440532013000', 'iban country ZZ does not use IBANs'],
    ])('rejects an IBAN with %s with 400 naming the field', async (_name, iban, message) => {
      const response = await addPaymentMethod(tenant.partnerId, { type: 'sepa', iban, accountHolder: 'Muster IT GmbH' }).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ type: expect.stringMatching(/\/validation-failed$/), errors: [{ field: 'iban', message }] });
      expect(JSON.stringify(response.body)).not.toContain(iban);
    });

    it('keeps of a card only brand, last four digits and expiry', async () => {
      const response = await addPaymentMethod(tenant.partnerId, card({ number: '4242 4242 4242 4242' })).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        type: 'card',
        label: 'Visa •••• 4242',
        last4: '4242',
        brand: 'visa',
        expiryMonth: 12,
        expiryYear: card().expiryYear,
        accountHolder: null,
        mandateReference: null,
        createdAt: expect.any(String),
      });
      const rows = await testApp.sql<Record<string, unknown>>('select * from payment_method where id = ?', [response.body.id]);
      expect(JSON.stringify(rows)).not.toMatch(/424242424242|Erika/);
    });

    it('rejects a card number failing the Luhn check, and an expired card', async () => {
      const luhn = await addPaymentMethod(tenant.partnerId, card({ number: '4242424242424241' })).expect(400);
      expect(luhn.body.errors).toEqual([{ field: 'number', message: expect.stringMatching(/valid check digit/) }]);
      expect(JSON.stringify(luhn.body)).not.toContain('4242424242424241');

      const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1));
      const expired = await addPaymentMethod(
        tenant.partnerId,
        card({ expiryMonth: lastMonth.getUTCMonth() + 1, expiryYear: lastMonth.getUTCFullYear() }),
      ).expect(400);
      expect(expired.body.errors).toEqual([{ field: 'expiryYear', message: 'the card has expired' }]);
    });

    it('rejects fields of the other type, unknown fields and unknown types', async () => {
      const mixed = await addPaymentMethod(tenant.partnerId, { type: 'sepa', iban: IBAN, accountHolder: 'Muster', number: VISA, isDefault: true }).expect(400);
      expect((mixed.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual(['isDefault', 'number']);
      const cardWithIban = await addPaymentMethod(tenant.partnerId, card({ iban: IBAN })).expect(400);
      expect(cardWithIban.body.errors).toEqual([expect.objectContaining({ field: 'iban' })]);
      for (const body of [{ type: 'paypal', email: 'a@b.example' }, { iban: IBAN, accountHolder: 'Muster' }, [{ type: 'sepa' }]]) {
        const response = await addPaymentMethod(tenant.partnerId, body).expect(400);
        expect(response.body.errors).toEqual([{ field: 'type', message: 'type must be one of: sepa, card' }]);
      }
    });

    it('lists payment methods oldest first, in pages', async () => {
      const { organizationId, admin } = await createStandalone('Solo Pay GmbH');
      const first = await addPaymentMethod(organizationId, { type: 'sepa', iban: IBAN, accountHolder: 'Solo' }, admin).expect(201);
      const second = await addPaymentMethod(organizationId, card(), admin).expect(201);

      const page1 = await testApp.http.get(`${paymentMethodsOf(organizationId)}?limit=1`).set(bearer(admin)).expect(200);
      expect(page1.body.items).toEqual([first.body]);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await testApp.http
        .get(`${paymentMethodsOf(organizationId)}?limit=1&cursor=${page1.body.nextCursor}`)
        .set(bearer(admin))
        .expect(200);
      expect(page2.body).toEqual({ items: [second.body], nextCursor: null });
    });

    it('deletes a payment method, only through its own organization', async () => {
      const created = await addPaymentMethod(tenant.partnerId, card()).expect(201);
      const path = `${paymentMethodsOf(tenant.partnerId)}/${created.body.id}`;
      await testApp.http
        .delete(`${paymentMethodsOf(tenant.strangerPartnerId)}/${created.body.id}`)
        .set(bearer(tenant.strangerAdmin))
        .expect(404);
      await testApp.http.delete(path).set(bearer(tenant.partnerGuest)).expect(403);
      await testApp.http.delete(path).set(bearer(tenant.partnerAdmin)).expect(204);
      await testApp.http.delete(path).set(bearer(tenant.partnerAdmin)).expect(404);
      const list = await testApp.http.get(`${paymentMethodsOf(tenant.partnerId)}?limit=200`).set(bearer(tenant.partnerAdmin)).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
    });

    it('answers 409 managed-by-partner on a linked customer organization, whatever the method', async () => {
      const responses = [
        await testApp.http.get(paymentMethodsOf(tenant.customerId)).set(bearer(tenant.partnerAdmin)),
        await addPaymentMethod(tenant.customerId, card()),
        await testApp.http.delete(`${paymentMethodsOf(tenant.customerId)}/00000000-0000-4000-8000-000000000000`).set(bearer(tenant.partnerAdmin)),
      ];
      for (const response of responses) {
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ type: expect.stringMatching(/\/managed-by-partner$/), partnerId: tenant.partnerId });
      }
      await testApp.http.get(paymentMethodsOf(tenant.customerId)).set(bearer(tenant.customerAdmin)).expect(403);
    });
  });

  it('removes billing address and payment methods with their organization', async () => {
    const { organizationId, admin } = await createStandalone('Solo Gone GmbH');
    await testApp.http
      .put(billingAddressOf(organizationId))
      .set(bearer(admin))
      .send({ differentBillingAddress: true, useAsInvoiceRecipient: false, recipient: recipient() })
      .expect(200);
    await addPaymentMethod(organizationId, card(), admin).expect(201);
    await testApp.http.delete(`/api/v1/organizations/${organizationId}`).set(bearer(admin)).expect(204);

    const [counts] = await testApp.sql<{ addresses: string; methods: string }>(
      `select (select count(*) from billing_address where organization_id = ?) as addresses,
              (select count(*) from payment_method where organization_id = ?) as methods`,
      [organizationId, organizationId],
    );
    expect(counts).toEqual({ addresses: '0', methods: '0' });
  });
});
