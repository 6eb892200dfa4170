import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { CatalogService } from '../src/billing/catalog/catalog.service';
import { TestApp, createTestApp } from './support/test-app';
import { Tenant, bearer, createCustomer, createPartner, createTenant, orderSubscription } from './support/fixtures';

const ORDER = { planCode: 'business', addonCodes: ['hosts-10'], acceptPaymentObligation: true };

describe('billing: ordering and invoices', () => {
  let testApp: TestApp;
  let tenant: Tenant;

  const order = (orgId: string, key: string | undefined, body: object = ORDER) => {
    const call = testApp.http.post(`/api/v1/organizations/${orgId}/subscription`).set(bearer(tenant.partnerAdmin));
    if (key !== undefined) call.set('Idempotency-Key', key);
    return call.send(body);
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
    await testApp.app.get(EntityManager).fork().transactional(() => testApp.app.get(CatalogService).setPartnerDiscount(tenant.partnerId, 20));
  });
  afterAll(() => testApp.close());

  it('orders in the customer organization at partner conditions, invoiced to the partner', async () => {
    const customer = await createCustomer(testApp, tenant.partnerAdmin, tenant.partnerId, 'Bäckerei Schmidt');
    const ordered = await orderSubscription(testApp, tenant.partnerAdmin, customer.id, ORDER);
    expect(ordered.invoice).toEqual({ id: expect.any(String), number: expect.stringMatching(/^\d{4}-\d{6}$/), total: 22658, currency: 'EUR', status: 'issued' });
    expect(ordered.subscription).toMatchObject({ status: 'active', plan: { code: 'business' }, licenses: 60, cancelAtPeriodEnd: false });

    const invoice = await testApp.http
      .get(`/api/v1/organizations/${customer.id}/invoices/${ordered.invoice.id}`)
      .set(bearer(tenant.partnerAdmin))
      .expect(200);
    const partner = await testApp.http.get(`/api/v1/organizations/${tenant.partnerId}`).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(invoice.body).toMatchObject({ net: 19040, tax: 3618, gross: 22658, vatRate: 19, recipient: { name: partner.body.name } });
    // Due after the payment terms (PAYMENT_TERMS_DAYS, 14 by default).
    expect(Date.parse(invoice.body.dueAt) - Date.parse(invoice.body.issuedAt)).toBe(14 * 86_400_000);
    expect(invoice.body.lines).toEqual([
      expect.objectContaining({ code: 'business', quantity: 1, unitPrice: 15920, total: 15920 }),
      expect.objectContaining({ code: 'hosts-10', quantity: 1, unitPrice: 3120, total: 3120 }),
    ]);
    const licenses = await testApp.http.get(`/api/v1/organizations/${customer.id}/licenses`).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(licenses.body).toMatchObject({ limit: 60, source: 'subscription' });
  });

  it('shows a new customer organization in its trial, and customer logins none of billing', async () => {
    const subscription = await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/subscription`).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(subscription.body).toMatchObject({ status: 'trial', trial: { licenses: 2 }, plan: null, licenses: 2 });
    for (const path of ['subscription', 'billing/catalog', 'invoices']) {
      const response = await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/${path}`).set(bearer(tenant.customerAdmin)).expect(403);
      expect(JSON.stringify(response.body)).not.toMatch(/price|discount/i);
    }
  });

  it.each([
    ['without acceptPaymentObligation', randomUUID(), { planCode: 'business' }, 'validation-failed'],
    ['with acceptPaymentObligation false', randomUUID(), { planCode: 'business', acceptPaymentObligation: false }, 'validation-failed'],
    ['an unknown plan', randomUUID(), { planCode: 'platinum', acceptPaymentObligation: true }, 'unknown-plan'],
    ['an unknown addon', randomUUID(), { planCode: 'business', addonCodes: ['moon'], acceptPaymentObligation: true }, 'unknown-addon'],
    ['a duplicate addon', randomUUID(), { planCode: 'business', addonCodes: ['hosts-10', 'hosts-10'], acceptPaymentObligation: true }, 'validation-failed'],
    ['no Idempotency-Key', undefined, ORDER, 'invalid-idempotency-key'],
    ['an oversized Idempotency-Key', 'k'.repeat(256), ORDER, 'invalid-idempotency-key'],
  ])('refuses an order %s with 400 and orders nothing', async (_case, key, body, slug) => {
    const customer = await createCustomer(testApp, tenant.partnerAdmin, tenant.partnerId);
    const response = await order(customer.id, key, body).expect(400);
    expect(response.body.type).toMatch(new RegExp(`/${slug}$`));
    const [{ count }] = await testApp.sql<{ count: string }>('select count(*) from subscription where organization_id = ?', [customer.id]);
    expect(count).toBe('0');
  });

  it('replays the same key and body, refuses the same key with another body, and refuses a second subscription', async () => {
    const customer = await createCustomer(testApp, tenant.partnerAdmin, tenant.partnerId);
    const key = randomUUID();
    const first = await order(customer.id, key).expect(201);
    const again = await order(customer.id, key, { acceptPaymentObligation: true, addonCodes: ['hosts-10'], planCode: 'business' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await order(customer.id, key, { ...ORDER, addonCodes: [] }).expect(409)).body.type).toMatch(/idempotency-key-reused$/);
    expect((await order(customer.id, randomUUID()).expect(409)).body.type).toMatch(/already-subscribed$/);
    const [{ count }] = await testApp.sql<{ count: string }>('select count(*) from invoice where organization_id = ?', [customer.id]);
    expect(count).toBe('1');
    const audit = await testApp.http.get(`/api/v1/organizations/${customer.id}/audit-log`).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(audit.body.items.filter((item: { action: string }) => item.action === 'subscription.order')).toHaveLength(1);
  });

  it('answers two concurrent orders with one key with one order and the same response', async () => {
    const customer = await createCustomer(testApp, tenant.partnerAdmin, tenant.partnerId);
    const key = randomUUID();
    const [a, b] = await Promise.all([order(customer.id, key), order(customer.id, key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.invoice.id).toBe(b.body.invoice.id);
    const [{ count }] = await testApp.sql<{ count: string }>('select count(*) from invoice where organization_id = ?', [customer.id]);
    expect(count).toBe('1');
  });

  it('refuses to order while the billing owner\'s invoice address is incomplete, creating nothing', async () => {
    const partner = await createPartner(testApp, 'Halbfertig GmbH');
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    // What an operator's placeholder left behind; the API itself does not accept blank fields.
    await testApp.sql(`update organization set address_street = '-', address_city = '' where id = ?`, [partner.organizationId]);
    const refused = await testApp.http
      .post(`/api/v1/organizations/${customer.id}/subscription`)
      .set(bearer(partner.admin))
      .set('Idempotency-Key', randomUUID())
      .send({ planCode: 'business', acceptPaymentObligation: true })
      .expect(409);
    expect(refused.body).toMatchObject({
      type: expect.stringMatching(/billing-address-incomplete$/),
      billingOwnerId: partner.organizationId,
      missingFields: ['street', 'city'],
    });
    const [{ count }] = await testApp.sql<{ count: string }>('select count(*) from subscription where organization_id = ?', [customer.id]);
    expect(Number(count)).toBe(0);

    await testApp.http
      .put(`/api/v1/organizations/${partner.organizationId}/billing-address`)
      .set(bearer(partner.admin))
      .send({ differentBillingAddress: true, useAsInvoiceRecipient: false, recipient: { name: 'Halbfertig GmbH', street: 'Ganzweg 1', postalCode: '99084', city: 'Erfurt', country: 'DE', email: 'rechnung@halbfertig.example' } })
      .expect(200);
    await orderSubscription(testApp, partner.admin, customer.id);
  });

  it('numbers invoices of concurrent orders uniquely and without gaps', async () => {
    const customers = await Promise.all(Array.from({ length: 12 }, () => createCustomer(testApp, tenant.partnerAdmin, tenant.partnerId)));
    const before = await testApp.sql<{ last: number }>('select last from invoice_number_counter where year = ?', [new Date().getUTCFullYear()]);
    const results = await Promise.all(customers.map((customer) => order(customer.id, randomUUID())));
    expect(results.map((result) => result.status)).toEqual(customers.map(() => 201));
    const sequence = results.map((result) => Number(result.body.invoice.number.split('-')[1])).sort((a, b) => a - b);
    const first = (before[0]?.last ?? 0) + 1;
    expect(sequence).toEqual(Array.from({ length: 12 }, (_, index) => first + index));
  });

  it('keeps invoices immutable and keeps them when the customer organization is deleted', async () => {
    const customer = await createCustomer(testApp, tenant.partnerAdmin, tenant.partnerId, 'Soon Gone GmbH');
    const ordered = await orderSubscription(testApp, tenant.partnerAdmin, customer.id, ORDER);
    await expect(testApp.sql('update invoice set gross_cents = 1 where id = ?', [ordered.invoice.id])).rejects.toThrow(/immutable/);
    await expect(testApp.sql('delete from invoice_line where invoice_id = ?', [ordered.invoice.id])).rejects.toThrow(/immutable/);

    await testApp.http.delete(`/api/v1/organizations/${customer.id}`).set(bearer(tenant.partnerAdmin)).expect(204);
    await order(customer.id, randomUUID()).expect(404);
    const listed = await testApp.http
      .get(`/api/v1/organizations/${tenant.partnerId}/customer-invoices?limit=200`)
      .set(bearer(tenant.partnerAdmin))
      .expect(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id: ordered.invoice.id, gross: 22658, customer: { id: customer.id, name: 'Soon Gone GmbH', deleted: true } }),
    );
  });
});
