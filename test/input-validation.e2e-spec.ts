import { TestApp, createTestApp } from './support/test-app';
import { PASSWORD, Tenant, bearer, createTenant } from './support/fixtures';

describe('bad input', () => {
  let testApp: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
  });
  afterAll(() => testApp.close());

  const expectProblem = (response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, slug: string) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, type: expect.stringMatching(new RegExp(`/${slug}$`)) });
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  };

  it('rejects unknown body fields (no mass assignment) and names them', async () => {
    const response = await testApp.http
      .patch(`/api/v1/organizations/${tenant.customerId}`)
      .set(bearer(tenant.partnerAdmin))
      .send({ name: 'ok', kind: 'partner' });
    expectProblem(response, 400, 'validation-failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('rejects a missing or non-object nested address with 400, not 500', async () => {
    for (const address of [undefined, null, 'Hauptstraße 1', [1]]) {
      const response = await testApp.http.post('/api/v1/organizations').set(bearer(tenant.customerAdmin)).send({ name: 'No address', address });
      expectProblem(response, 400, 'validation-failed');
    }
  });

  it('rejects malformed JSON with 400 and oversized bodies with 413', async () => {
    const malformed = await testApp.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.de", "password": ');
    expectProblem(malformed, 400, 'bad-request');
    const oversized = await testApp.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.de', password: 'x'.repeat(200_000) }));
    expectProblem(oversized, 413, 'payload-too-large');
  });

  it('takes JSON bodies only (also as application/*+json): other body types get 415', async () => {
    const form = await testApp.http.post('/api/v1/auth/login').type('form').send('email=a@b.de&password=x');
    expectProblem(form, 415, 'unsupported-media-type');
    const text = await testApp.http.post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('{"email": "a@b.de"}');
    expectProblem(text, 415, 'unsupported-media-type');
    const structured = await testApp.http
      .patch(`/api/v1/organizations/${tenant.customerId}`)
      .set(bearer(tenant.partnerAdmin))
      .set('Content-Type', 'application/merge-patch+json; charset=utf-8')
      .send(JSON.stringify({ name: 'Renamed via +json' }));
    expect(structured.status).toBe(200);
    expect(structured.body.name).toBe('Renamed via +json');
  });

  it('rejects malformed UUIDs, cursors and limits with 400', async () => {
    expectProblem(await testApp.http.get('/api/v1/organizations/not-a-uuid').set(bearer(tenant.partnerAdmin)), 400, 'validation-failed');
    expectProblem(await testApp.http.get(`/api/v1/organizations/${'a'.repeat(300)}/hosts`).set(bearer(tenant.partnerAdmin)), 400, 'validation-failed');
    expectProblem(await testApp.http.get('/api/v1/organizations/%zz/hosts').set(bearer(tenant.partnerAdmin)), 400, 'bad-request');
    expectProblem(
      await testApp.http.delete(`/api/v1/organizations/${tenant.customerId}/members/123`).set(bearer(tenant.partnerAdmin)),
      400,
      'validation-failed',
    );
    expectProblem(await testApp.http.get('/api/v1/me/organizations?cursor=%%%').set(bearer(tenant.partnerAdmin)), 400, 'invalid-cursor');
    expectProblem(await testApp.http.get('/api/v1/me/organizations?limit=1000').set(bearer(tenant.partnerAdmin)), 400, 'validation-failed');
  });

  it('rejects roles that do not exist, duplicate members and short passwords', async () => {
    const members = `/api/v1/organizations/${tenant.customerId}/members`;
    expectProblem(await testApp.http.post(members).set(bearer(tenant.partnerAdmin)).send({ email: 'x@example.test', role: 'owner' }), 400, 'validation-failed');
    expectProblem(
      await testApp.http.post(members).set(bearer(tenant.partnerAdmin)).send({ email: 'y@example.test', role: 'guest', password: 'short' }),
      400,
      'validation-failed',
    );
    expectProblem(
      await testApp.http.post(members).set(bearer(tenant.partnerAdmin)).send({ email: tenant.customerGuest.email.toUpperCase(), role: 'guest', password: PASSWORD }),
      409,
      'already-member',
    );
  });

  it('never removes or demotes the last admin of a partner organization, and writes nothing when refusing', async () => {
    const path = `/api/v1/organizations/${tenant.partnerId}/members/${tenant.partnerAdmin.userId}`;
    expectProblem(await testApp.http.delete(path).set(bearer(tenant.partnerAdmin)), 409, 'last-admin');
    expectProblem(await testApp.http.patch(path).set(bearer(tenant.partnerAdmin)).send({ role: 'guest' }), 409, 'last-admin');
    const audit = await testApp.http.get(`/api/v1/organizations/${tenant.partnerId}/audit-log`).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(audit.body.items.map((item: { action: string }) => item.action)).not.toContain('member.remove');
  });

  it('refuses JSON nested too deep before anything transforms it, also unauthenticated', async () => {
    const deep = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    const login = await testApp.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(`{"email":"a@b.de","password":"x","extra":${deep}}`);
    expectProblem(login, 400, 'validation-failed');
    const patch = await testApp.http
      .patch(`/api/v1/organizations/${tenant.customerId}`)
      .set(bearer(tenant.partnerAdmin))
      .set('Content-Type', 'application/json')
      .send(`{"address":${`[`.repeat(3000)}${']'.repeat(3000)}}`);
    expectProblem(patch, 400, 'validation-failed');
  });

  it('refuses NUL and other control characters in body fields and queries, naming the field', async () => {
    const created = await testApp.http
      .post('/api/v1/organizations')
      .set(bearer(tenant.customerAdmin))
      .send({ name: 'Nul\u0000 GmbH', address: { street: 'Hauptstraße 1', postalCode: '99084', city: 'Erf\u001burt', country: 'DE' } });
    expectProblem(created, 400, 'validation-failed');
    expect(created.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' }), expect.objectContaining({ field: 'address.city' })]));

    const host = await testApp.http.post(`/api/v1/organizations/${tenant.customerId}/hosts`).set(bearer(tenant.partnerAdmin)).send({ name: 'web\u0000' });
    expectProblem(host, 400, 'validation-failed');
    expect(host.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);

    const search = await testApp.http.get('/api/v1/me/organizations?q=%00').set(bearer(tenant.partnerAdmin));
    expectProblem(search, 400, 'validation-failed');
    expect(search.body.errors).toEqual([expect.objectContaining({ field: 'q' })]);
    const hosts = await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/hosts?q=a%00b`).set(bearer(tenant.partnerAdmin));
    expectProblem(hosts, 400, 'validation-failed');

    // Multi-line text keeps its line breaks and tabs.
    await testApp.http
      .patch(`/api/v1/organizations/${tenant.customerId}`)
      .set(bearer(tenant.partnerAdmin))
      .send({ address: { street: 'Hauptstraße 1\n\tHinterhaus', postalCode: '99084', city: 'Erfurt', country: 'DE' } })
      .expect(200);
  });

  it('refuses null where a field is not nullable', async () => {
    const renamed = await testApp.http.patch(`/api/v1/organizations/${tenant.customerId}`).set(bearer(tenant.partnerAdmin)).send({ name: null });
    expectProblem(renamed, 400, 'validation-failed');
    expect(renamed.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' })]));
    const moved = await testApp.http.patch(`/api/v1/organizations/${tenant.customerId}`).set(bearer(tenant.partnerAdmin)).send({ address: null });
    expectProblem(moved, 400, 'validation-failed');

    const member = await testApp.http
      .post(`/api/v1/organizations/${tenant.customerId}/members`)
      .set(bearer(tenant.partnerAdmin))
      .send({ email: 'null-password@example.test', role: 'guest', password: null });
    expectProblem(member, 400, 'validation-failed');
    expect(new Set((member.body.errors as { field: string }[]).map((error) => error.field))).toEqual(new Set(['password']));

    const ordered = await testApp.http
      .post(`/api/v1/organizations/${tenant.customerId}/subscription`)
      .set(bearer(tenant.partnerAdmin))
      .set('Idempotency-Key', '7d5bd5a8-6d5b-4c6a-9a55-0d8a3c3f0c01')
      .send({ planCode: 'business', addonCodes: null, acceptPaymentObligation: true });
    expectProblem(ordered, 400, 'validation-failed');
  });

  it('answers unknown routes with a 404 problem', async () => {
    expectProblem(await testApp.http.get('/api/v1/nothing-here').set(bearer(tenant.partnerAdmin)), 404, 'not-found');
  });
});
