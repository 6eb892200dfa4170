import { TestApp, createTestApp } from './support/test-app';
import { Tenant, address, bearer, createTenant } from './support/fixtures';

describe('tenancy', () => {
  let testApp: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
  });
  afterAll(() => testApp.close());

  it('lists the partner org first, then its customers, for a partner admin', async () => {
    const response = await testApp.http.get('/api/v1/me/organizations').set(bearer(tenant.partnerAdmin)).expect(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({ id: tenant.partnerId, kind: 'partner', role: 'admin', viaPartner: false }),
      expect.objectContaining({ id: tenant.customerId, kind: 'customer', role: 'admin', viaPartner: true, partnerId: tenant.partnerId }),
    ]);
    expect(response.body.nextCursor).toBeNull();
  });

  it('shows a customer login only its own organization', async () => {
    const response = await testApp.http.get('/api/v1/me/organizations').set(bearer(tenant.customerGuest)).expect(200);
    expect(response.body.items).toEqual([expect.objectContaining({ id: tenant.customerId, role: 'guest', viaPartner: false })]);
  });

  it('creates a standalone organization with the caller as admin', async () => {
    const created = await testApp.http
      .post('/api/v1/organizations')
      .set(bearer(tenant.customerAdmin))
      .send({ name: 'Side project', address: address() })
      .expect(201);
    expect(created.body).toMatchObject({ kind: 'standalone', partnerId: null });
    const permissions = await testApp.http
      .get(`/api/v1/organizations/${created.body.id}/permissions`)
      .set(bearer(tenant.customerAdmin))
      .expect(200);
    expect(permissions.body.capabilities).toMatchObject({ billing: true, delete: true, supportSettings: false });
  });

  it('keeps a language per organization: German by default, settable, inherited by a partner\'s new customers', async () => {
    const partnerUrl = `/api/v1/organizations/${tenant.strangerPartnerId}`;
    const before = await testApp.http.get(partnerUrl).set(bearer(tenant.strangerAdmin)).expect(200);
    expect(before.body.locale).toBe('de');

    const refused = await testApp.http.patch(partnerUrl).set(bearer(tenant.strangerAdmin)).send({ locale: 'fr' }).expect(400);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/validation-failed$/), errors: [expect.objectContaining({ field: 'locale' })] });

    const changed = await testApp.http.patch(partnerUrl).set(bearer(tenant.strangerAdmin)).send({ locale: 'en' }).expect(200);
    expect(changed.body.locale).toBe('en');

    const create = (body: object) =>
      testApp.http.post('/api/v1/organizations').set(bearer(tenant.strangerAdmin)).send({ address: address(), partnerId: tenant.strangerPartnerId, ...body }).expect(201);
    expect((await create({ name: 'Inherits English' })).body).toMatchObject({ kind: 'customer', locale: 'en' });
    expect((await create({ name: 'Chooses German', locale: 'de' })).body).toMatchObject({ kind: 'customer', locale: 'de' });
  });

  it('keeps a VAT ID per organization: checked per country, normalized, removable with null', async () => {
    const url = `/api/v1/organizations/${tenant.strangerPartnerId}`;
    const refused = await testApp.http.patch(url).set(bearer(tenant.strangerAdmin)).send({ vatId: 'DE12345' }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'vatId' })]);
    expect((await testApp.http.patch(url).set(bearer(tenant.strangerAdmin)).send({ vatId: 'de 123 456 789' }).expect(200)).body.vatId).toBe('DE123456789');
    expect((await testApp.http.get(url).set(bearer(tenant.strangerAdmin)).expect(200)).body.vatId).toBe('DE123456789');
    expect((await testApp.http.patch(url).set(bearer(tenant.strangerAdmin)).send({ vatId: null }).expect(200)).body.vatId).toBeNull();
    const [row] = await testApp.sql<{ vat_id: string | null }>('select vat_id from organization where id = ?', [tenant.strangerPartnerId]);
    expect(row.vat_id).toBeNull();
  });

  it('soft-deletes a customer org: gone from every list, 404 afterwards', async () => {
    const created = await testApp.http
      .post('/api/v1/organizations')
      .set(bearer(tenant.partnerAdmin))
      .send({ name: 'Short-lived', address: address(), partnerId: tenant.partnerId })
      .expect(201);
    await testApp.http.delete(`/api/v1/organizations/${created.body.id}`).set(bearer(tenant.partnerAdmin)).expect(204);
    await testApp.http.get(`/api/v1/organizations/${created.body.id}`).set(bearer(tenant.partnerAdmin)).expect(404);
    const customers = await testApp.http.get(`/api/v1/organizations/${tenant.partnerId}/customers`).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(customers.body.items.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
  });

  it('refuses to delete a partner that still has customers', async () => {
    const response = await testApp.http.delete(`/api/v1/organizations/${tenant.partnerId}`).set(bearer(tenant.partnerAdmin)).expect(409);
    expect(response.body.type).toMatch(/has-customers$/);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
