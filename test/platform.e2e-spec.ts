import { randomUUID } from 'node:crypto';
import { encodeCursor } from '../src/common/pagination';
import { TestApp, createTestApp } from './support/test-app';
import { Login, Tenant, bearer, createCustomer, createTenant } from './support/fixtures';

describe('licensed platform resources', () => {
  let testApp: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    testApp = await createTestApp({ TRIAL_LICENSES: '2', TRIAL_DAYS: '14' });
    tenant = await createTenant(testApp);
  });
  afterAll(() => testApp.close());

  const hostsOf = (orgId: string) => `/api/v1/organizations/${orgId}/hosts`;
  const endpointsOf = (orgId: string) => `/api/v1/organizations/${orgId}/endpoints`;
  const addHost = (orgId: string, caller: Login = tenant.partnerAdmin, name = `host-${randomUUID().slice(0, 6)}`) =>
    testApp.http.post(hostsOf(orgId)).set(bearer(caller)).send({ name });
  const newCustomer = () => createCustomer(testApp, tenant.partnerAdmin, tenant.partnerId);

  it('gives a new customer organization the trial licences', async () => {
    const customer = await newCustomer();
    const response = await testApp.http.get(`/api/v1/organizations/${customer.id}/licenses`).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(response.body).toEqual({ limit: 2, used: 0, source: 'trial', trialEndsAt: expect.any(String) });
    const days = (Date.parse(response.body.trialEndsAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
  });

  it('refuses the host beyond the trial limit with a license-limit problem, and frees the licence on delete', async () => {
    const customer = await newCustomer();
    const first = await addHost(customer.id).expect(201);
    expect(first.body).toEqual({ id: expect.any(String), name: first.body.name, os: null, createdAt: expect.any(String) });
    await addHost(customer.id).expect(201);

    const refused = await addHost(customer.id).expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/\/license-limit$/), status: 409, limit: 2, used: 2 });

    const licenses = await testApp.http.get(`/api/v1/organizations/${customer.id}/licenses`).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(licenses.body).toMatchObject({ limit: 2, used: 2, source: 'trial' });

    await testApp.http
      .delete(`${hostsOf(customer.id)}/${first.body.id}`)
      .set(bearer(tenant.partnerAdmin))
      .expect(204);
    await testApp.http
      .get(`${hostsOf(customer.id)}/${first.body.id}`)
      .set(bearer(tenant.partnerAdmin))
      .expect(404);
    await addHost(customer.id).expect(201);
  });

  it('has no licences once the trial has ended', async () => {
    const customer = await newCustomer();
    await testApp.sql(`update organization set trial_ends_at = now() - interval '1 minute' where id = ?`, [customer.id]);
    const licenses = await testApp.http.get(`/api/v1/organizations/${customer.id}/licenses`).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(licenses.body).toMatchObject({ limit: 0, used: 0, source: 'none', trialEndsAt: expect.any(String) });
    const refused = await addHost(customer.id).expect(409);
    expect(refused.body).toMatchObject({ limit: 0, used: 0 });
  });

  it('lets exactly as many concurrent POSTs succeed as licences are left', async () => {
    const customer = await newCustomer();
    await testApp.sql('update organization set trial_licenses = 3 where id = ?', [customer.id]);
    await addHost(customer.id).expect(201);

    const responses = await Promise.all(Array.from({ length: 6 }, () => addHost(customer.id)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 201, 409, 409, 409, 409]);
    const [{ count }] = await testApp.sql<{ count: string }>('select count(*) from host where organization_id = ?', [customer.id]);
    expect(Number(count)).toBe(3);
  });

  it('answers 404 for another tenant’s hosts and endpoints, whichever organization the path names', async () => {
    const host = await addHost(tenant.customerId).expect(201);
    const endpoint = await testApp.http
      .post(endpointsOf(tenant.customerId))
      .set(bearer(tenant.partnerAdmin))
      .send({ name: 'shop', url: 'https://shop.example.test' })
      .expect(201);
    const stranger = tenant.strangerAdmin;
    const strangerOrg = tenant.strangerPartnerId;

    await testApp.http
      .get(`${hostsOf(tenant.customerId)}/${host.body.id}`)
      .set(bearer(stranger))
      .expect(404);
    await testApp.http
      .get(`${hostsOf(strangerOrg)}/${host.body.id}`)
      .set(bearer(stranger))
      .expect(404);
    await testApp.http
      .delete(`${hostsOf(strangerOrg)}/${host.body.id}`)
      .set(bearer(stranger))
      .expect(404);
    await testApp.http
      .patch(`${endpointsOf(strangerOrg)}/${endpoint.body.id}`)
      .set(bearer(stranger))
      .send({ name: 'mine' })
      .expect(404);
    await testApp.http
      .delete(`${endpointsOf(strangerOrg)}/${endpoint.body.id}`)
      .set(bearer(stranger))
      .expect(404);
    // The customer's own partner does not reach it through its partner organization either.
    await testApp.http
      .get(`${hostsOf(tenant.partnerId)}/${host.body.id}`)
      .set(bearer(tenant.partnerAdmin))
      .expect(404);

    await testApp.http
      .get(`${hostsOf(tenant.customerId)}/${host.body.id}`)
      .set(bearer(tenant.customerGuest))
      .expect(200);
    await testApp.http
      .get(`${endpointsOf(tenant.customerId)}/${endpoint.body.id}`)
      .set(bearer(tenant.customerGuest))
      .expect(200);
  });

  it('lets guests read but not create or delete', async () => {
    const host = await addHost(tenant.customerId, tenant.customerAdmin).expect(201);
    for (const guest of [tenant.customerGuest, tenant.partnerGuest]) {
      const list = await testApp.http.get(hostsOf(tenant.customerId)).set(bearer(guest)).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toContain(host.body.id);
      await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/licenses`).set(bearer(guest)).expect(200);
      const refused = await addHost(tenant.customerId, guest).expect(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      await testApp.http
        .delete(`${hostsOf(tenant.customerId)}/${host.body.id}`)
        .set(bearer(guest))
        .expect(403);
      await testApp.http
        .post(endpointsOf(tenant.customerId))
        .set(bearer(guest))
        .send({ name: 'x', url: 'https://x.example.test' })
        .expect(403);
    }
  });

  it('pages through every host exactly once in creation order, and filters by name', async () => {
    const customer = await newCustomer();
    await testApp.sql('update organization set trial_licenses = 100 where id = ?', [customer.id]);
    const created: string[] = [];
    for (let index = 0; index < 5; index++)
      created.push((await addHost(customer.id, tenant.partnerAdmin, `web-${index}`).expect(201)).body.id);
    // Rows written by SQL carry sub-millisecond timestamps, some of them within the same millisecond.
    const imported = await testApp.sql<{ id: string }>(
      `insert into host (id, organization_id, name, created_at)
       select gen_random_uuid(), ?, 'db-' || i, now() + interval '1 hour' + make_interval(secs => i * 0.0003)
         from generate_series(1, 6) i
       returning id`,
      [customer.id],
    );

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await testApp.http
        .get(hostsOf(customer.id))
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .set(bearer(tenant.partnerAdmin))
        .expect(200);
      seen.push(...response.body.items.map((item) => item.id));
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    expect(pages).toBe(4);
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    expect(seen.slice(0, 5)).toEqual(created);
    expect(new Set(seen.slice(5))).toEqual(new Set(imported.map((row) => row.id)));

    const filtered = await testApp.http.get(hostsOf(customer.id)).query({ q: 'WEB-' }).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(filtered.body).toEqual({ items: created.map((id) => expect.objectContaining({ id })), nextCursor: null });
  });

  it('rejects bad list parameters and bodies with 400 problems', async () => {
    const base = hostsOf(tenant.customerId);
    const forged = encodeCursor(['yesterday', 'not-a-uuid']);
    for (const query of [{ cursor: forged }, { cursor: '%%%' }]) {
      const response = await testApp.http.get(base).query(query).set(bearer(tenant.partnerAdmin)).expect(400);
      expect(response.body.type).toMatch(/\/invalid-cursor$/);
    }
    await testApp.http.get(base).query({ limit: 201 }).set(bearer(tenant.partnerAdmin)).expect(400);
    await testApp.http.get(`${base}/not-a-uuid`).set(bearer(tenant.partnerAdmin)).expect(400);
    for (const body of [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(201) },
      { name: 'ok', os: 'x'.repeat(101) },
      { name: 'ok', organizationId: tenant.partnerId },
    ]) {
      const response = await testApp.http.post(base).set(bearer(tenant.partnerAdmin)).send(body).expect(400);
      expect(response.body.type).toMatch(/\/validation-failed$/);
    }
  });

  it('creates, updates and deletes endpoints with validated URLs and intervals', async () => {
    const base = endpointsOf(tenant.customerId);
    const created = await testApp.http
      .post(base)
      .set(bearer(tenant.customerAdmin))
      .send({ name: 'Shop', url: 'https://shop.example.test/health' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Shop',
      url: 'https://shop.example.test/health',
      intervalSeconds: 300,
      createdAt: expect.any(String),
    });
    for (const body of [
      { name: 'x', url: 'shop.example.test' },
      { name: 'x', url: 'ftp://shop.example.test' },
      { name: 'x', url: `https://example.test/${'a'.repeat(2048)}` },
      { name: 'x', url: 'https://shop.example.test', intervalSeconds: 29 },
      { name: 'x', url: 'https://shop.example.test', intervalSeconds: 86_401 },
      { name: 'x', url: 'https://shop.example.test', intervalSeconds: 60.5 },
    ]) {
      await testApp.http.post(base).set(bearer(tenant.customerAdmin)).send(body).expect(400);
    }

    const path = `${base}/${created.body.id}`;
    const updated = await testApp.http
      .patch(path)
      .set(bearer(tenant.customerAdmin))
      .send({ intervalSeconds: 60, url: 'http://shop.example.test' })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Shop', url: 'http://shop.example.test', intervalSeconds: 60 });
    for (const body of [{ name: null }, { url: null }, { intervalSeconds: null }, { id: randomUUID() }]) {
      await testApp.http.patch(path).set(bearer(tenant.customerAdmin)).send(body).expect(400);
    }
    const list = await testApp.http.get(base).query({ q: 'shop' }).set(bearer(tenant.customerGuest)).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);

    await testApp.http.delete(path).set(bearer(tenant.customerAdmin)).expect(204);
    await testApp.http.get(path).set(bearer(tenant.customerAdmin)).expect(404);
    await testApp.http.delete(path).set(bearer(tenant.customerAdmin)).expect(404);
  });

  it('records host and endpoint changes in the audit log, marking what the partner did', async () => {
    const customer = await newCustomer();
    const host = await addHost(customer.id).expect(201);
    await testApp.http
      .delete(`${hostsOf(customer.id)}/${host.body.id}`)
      .set(bearer(tenant.partnerAdmin))
      .expect(204);
    await addHost(customer.id).expect(201);
    await addHost(customer.id).expect(201);
    await addHost(customer.id).expect(409);

    const audit = await testApp.http.get(`/api/v1/organizations/${customer.id}/audit-log`).set(bearer(tenant.partnerAdmin)).expect(200);
    const hostEntries = audit.body.items.filter((item: { action: string }) => item.action.startsWith('host.'));
    expect(hostEntries.map((item: { action: string }) => item.action)).toEqual([
      'host.create',
      'host.create',
      'host.delete',
      'host.create',
    ]);
    expect(hostEntries[3]).toMatchObject({
      action: 'host.create',
      actor: { id: tenant.partnerAdmin.userId, email: tenant.partnerAdmin.email, viaPartner: true },
      target: { type: 'host', id: host.body.id },
    });
    expect(hostEntries[2]).toMatchObject({ action: 'host.delete', target: { type: 'host', id: host.body.id } });
  });

  it('removes hosts and endpoints when the organization is deleted', async () => {
    const customer = await newCustomer();
    await addHost(customer.id).expect(201);
    await testApp.http
      .post(endpointsOf(customer.id))
      .set(bearer(tenant.partnerAdmin))
      .send({ name: 'web', url: 'https://web.example.test' })
      .expect(201);
    await testApp.http.delete(`/api/v1/organizations/${customer.id}`).set(bearer(tenant.partnerAdmin)).expect(204);

    const [counts] = await testApp.sql<{ hosts: string; endpoints: string }>(
      `select (select count(*) from host where organization_id = ?) as hosts, (select count(*) from endpoint where organization_id = ?) as endpoints`,
      [customer.id, customer.id],
    );
    expect(counts).toEqual({ hosts: '0', endpoints: '0' });
    await testApp.http.get(hostsOf(customer.id)).set(bearer(tenant.partnerAdmin)).expect(404);
  });
});
