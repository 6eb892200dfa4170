import { randomUUID } from 'node:crypto';
import { newApiKeyToken } from '../src/auth/api-keys/api-key-token';
import { TestApp, createTestApp } from './support/test-app';
import { Tenant, bearer, createApiKey, createTenant, keyBearer } from './support/fixtures';

const ALL_SCOPES = ['read', 'write', 'settings', 'team', 'billing', 'delete', 'supportSettings', 'auditLog'];

describe('API keys', () => {
  let testApp: TestApp;
  let tenant: Tenant;

  const keysOf = async (orgId: string) =>
    (await testApp.http.get(`/api/v1/organizations/${orgId}/api-keys`).set(bearer(tenant.partnerAdmin)).expect(200)).body.items as Record<string, unknown>[];

  beforeAll(async () => {
    testApp = await createTestApp({ TRIAL_LICENSES: '100' }, { workers: false });
    tenant = await createTenant(testApp);
  });
  afterAll(() => testApp?.close());

  it('are created by an admin, shown once, listed without the secret, and stored as a hash', async () => {
    const before = Date.now();
    const created = await testApp.http
      .post(`/api/v1/organizations/${tenant.partnerId}/api-keys`)
      .set(bearer(tenant.partnerAdmin))
      .send({ name: '  PSA sync ', scopes: ['read', 'write'] })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'PSA sync', scopes: ['read', 'write'], lastUsedAt: null, lastUsedIp: null, createdBy: { id: tenant.partnerAdmin.userId, email: tenant.partnerAdmin.email } });
    expect(created.body.key).toMatch(/^phk_[0-9A-Za-z]{36}$/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    const expiresInDays = (Date.parse(created.body.expiresAt) - before) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(89.99);
    expect(expiresInDays).toBeLessThan(90.01);

    const listed = (await keysOf(tenant.partnerId)).find((item) => item.id === created.body.id);
    expect(listed).toEqual({ ...created.body, key: undefined });
    expect(JSON.stringify(await keysOf(tenant.partnerId))).not.toContain(created.body.key);
    const [stored] = await testApp.sql<{ token_hash: string }>('select token_hash from api_key where id = ?', [created.body.id]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.body.key.slice(12));
  });

  it('reach the partner organization and its customers within their scopes, audited as the key', async () => {
    const key = await createApiKey(testApp, tenant.partnerAdmin, tenant.partnerId, ['read', 'write']);
    await testApp.http.get(`/api/v1/organizations/${tenant.partnerId}/customers`).set(keyBearer(key)).expect(200);
    await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/hosts`).set(keyBearer(key)).expect(200);
    const host = await testApp.http.post(`/api/v1/organizations/${tenant.customerId}/hosts`).set(keyBearer(key)).send({ name: 'key-made' }).expect(201);
    // Reading the team is `read`; billing, the audit log and changing the team are not within its scopes.
    await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/members`).set(keyBearer(key)).expect(200);
    const refused = await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/subscription`).set(keyBearer(key)).expect(403);
    expect(refused.body.detail).toMatch(/scopes/);
    await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/audit-log`).set(keyBearer(key)).expect(403);
    await testApp.http
      .post(`/api/v1/organizations/${tenant.customerId}/members`)
      .set(keyBearer(key))
      .send({ email: `${randomUUID().slice(0, 8)}@example.test`, role: 'guest', password: 'correct-horse-battery-staple' })
      .expect(403);

    const audit = await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/audit-log`).set(bearer(tenant.partnerAdmin)).expect(200);
    const entry = (audit.body.items as { action: string; target: { id: string }; actor: unknown }[]).find((item) => item.target.id === host.body.id);
    expect(entry?.actor).toEqual({ type: 'apiKey', id: key.id, name: key.name, email: null, viaPartner: true });
  });

  it('of a customer organization reach that organization only', async () => {
    const key = await createApiKey(testApp, tenant.customerAdmin, tenant.customerId, ['read']);
    await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/hosts`).set(keyBearer(key)).expect(200);
    await testApp.http.get(`/api/v1/organizations/${tenant.partnerId}`).set(keyBearer(key)).expect(404);
    await testApp.http.get(`/api/v1/organizations/${tenant.strangerPartnerId}`).set(keyBearer(key)).expect(404);
    const other = await createApiKey(testApp, tenant.strangerAdmin, tenant.strangerPartnerId, ALL_SCOPES);
    await testApp.http.get(`/api/v1/organizations/${tenant.customerId}/hosts`).set(keyBearer(other)).expect(404);
  });

  it('never carry scopes beyond what a key of the organization and its creator may do', async () => {
    const byCustomerAdmin = await testApp.http
      .post(`/api/v1/organizations/${tenant.customerId}/api-keys`)
      .set(bearer(tenant.customerAdmin))
      .send({ name: 'too much', scopes: ['read', 'billing'] })
      .expect(403);
    expect(byCustomerAdmin.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(byCustomerAdmin.body).toMatchObject({ type: expect.stringMatching(/\/api-key-scope-not-allowed$/), grantableScopes: ['read', 'write', 'settings', 'team', 'auditLog'] });
    // A partner admin may bill the customer, but a key of the customer organization acts as its admin, who may not.
    await testApp.http.post(`/api/v1/organizations/${tenant.customerId}/api-keys`).set(bearer(tenant.partnerAdmin)).send({ name: 'billing', scopes: ['billing'] }).expect(403);
    await testApp.http.post(`/api/v1/organizations/${tenant.partnerId}/api-keys`).set(bearer(tenant.partnerAdmin)).send({ name: 'all', scopes: ALL_SCOPES }).expect(201);
    await testApp.http.post(`/api/v1/organizations/${tenant.customerId}/api-keys`).set(bearer(tenant.customerGuest)).send({ name: 'guest', scopes: ['read'] }).expect(403);
    expect(await testApp.sql('select id from api_key where name in (?, ?, ?)', ['too much', 'billing', 'guest'])).toEqual([]);
  });

  it.each([
    ['no scopes', { name: 'k', scopes: [] }, 'scopes'],
    ['an unknown scope', { name: 'k', scopes: ['root'] }, 'scopes'],
    ['a scope twice', { name: 'k', scopes: ['read', 'read'] }, 'scopes'],
    ['a blank name', { name: '  ', scopes: ['read'] }, 'name'],
    ['an expiry over 365 days', { name: 'k', scopes: ['read'], expiresInDays: 366 }, 'expiresInDays'],
    ['an expiry of 0 days', { name: 'k', scopes: ['read'], expiresInDays: 0 }, 'expiresInDays'],
    ['an unknown field', { name: 'k', scopes: ['read'], owner: 'me' }, 'owner'],
  ])('refuses %s with 400 naming the field', async (_case, body, field) => {
    const response = await testApp.http.post(`/api/v1/organizations/${tenant.partnerId}/api-keys`).set(bearer(tenant.partnerAdmin)).send(body).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('answer malformed, unknown, revoked, expired keys and keys of deleted organizations with one 401', async () => {
    const revoked = await createApiKey(testApp, tenant.partnerAdmin, tenant.partnerId, ['read']);
    await testApp.http.delete(`/api/v1/organizations/${tenant.partnerId}/api-keys/${revoked.id}`).set(bearer(tenant.partnerAdmin)).expect(204);
    await testApp.http.delete(`/api/v1/organizations/${tenant.partnerId}/api-keys/${revoked.id}`).set(bearer(tenant.partnerAdmin)).expect(404);
    expect((await keysOf(tenant.partnerId)).map((item) => item.id)).not.toContain(revoked.id);
    const expired = await createApiKey(testApp, tenant.partnerAdmin, tenant.partnerId, ['read']);
    await testApp.sql("update api_key set expires_at = now() - interval '1 second' where id = ?", [expired.id]);
    const standalone = await testApp.http.post('/api/v1/organizations').set(bearer(tenant.partnerAdmin)).send({ name: 'Gone soon', address: { street: 'Weg 1', postalCode: '10115', city: 'Berlin', country: 'DE' } }).expect(201);
    const ofDeleted = await createApiKey(testApp, tenant.partnerAdmin, standalone.body.id, ['read']);
    await testApp.http.delete(`/api/v1/organizations/${standalone.body.id}`).set(bearer(tenant.partnerAdmin)).expect(204);
    const wellFormed = newApiKeyToken().token;
    const checksumBroken = `${wellFormed.slice(0, -1)}${wellFormed.endsWith('0') ? '1' : '0'}`;

    const answers = [];
    for (const token of ['phk_', 'phk_short', checksumBroken, wellFormed, revoked.token, expired.token, ofDeleted.token]) {
      const response = await testApp.http.get(`/api/v1/organizations/${tenant.partnerId}/customers`).set('Authorization', `Bearer ${token}`);
      answers.push({ status: response.status, type: response.headers['content-type'], body: { ...response.body, requestId: undefined } });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 401, type: expect.stringMatching(/^application\/problem\+json/) });
  });

  it('work on organization routes only: /me, /auth/*, creating organizations and managing keys answer 403', async () => {
    const key = await createApiKey(testApp, tenant.partnerAdmin, tenant.partnerId, ALL_SCOPES);
    const calls = [
      testApp.http.get('/api/v1/me'),
      testApp.http.get('/api/v1/me/organizations'),
      testApp.http.post('/api/v1/auth/logout').send({ refreshToken: 'x.y' }),
      testApp.http.post('/api/v1/organizations').send({ name: 'By key', address: { street: 'Weg 1', postalCode: '10115', city: 'Berlin', country: 'DE' } }),
      testApp.http.get(`/api/v1/organizations/${tenant.partnerId}/api-keys`),
      testApp.http.post(`/api/v1/organizations/${tenant.partnerId}/api-keys`).send({ name: 'child', scopes: ['read'] }),
    ];
    for (const call of calls) {
      const response = await call.set(keyBearer(key));
      expect({ status: response.status, type: response.body.type }).toEqual({ status: 403, type: expect.stringMatching(/\/api-key-not-allowed$/) });
    }
  });

  it('record their last use, with the client address, at most once a minute', async () => {
    const key = await createApiKey(testApp, tenant.partnerAdmin, tenant.partnerId, ['read']);
    const lastUse = async () => (await testApp.sql<{ last_used_at: string | null; last_used_ip: string | null }>('select last_used_at, last_used_ip from api_key where id = ?', [key.id]))[0];
    await testApp.http.get(`/api/v1/organizations/${tenant.partnerId}`).set(keyBearer(key)).expect(200);
    const first = await lastUse();
    expect(first.last_used_ip).toBe('127.0.0.1');
    await testApp.sql("update api_key set last_used_at = now() - interval '30 seconds' where id = ?", [key.id]);
    const withinTheMinute = await lastUse();
    await testApp.http.get(`/api/v1/organizations/${tenant.partnerId}`).set(keyBearer(key)).expect(200);
    expect(await lastUse()).toEqual(withinTheMinute);
    await testApp.sql("update api_key set last_used_at = now() - interval '61 seconds' where id = ?", [key.id]);
    await testApp.http.get(`/api/v1/organizations/${tenant.partnerId}`).set(keyBearer(key)).expect(200);
    expect(Date.parse((await lastUse()).last_used_at!)).toBeGreaterThan(Date.parse(withinTheMinute.last_used_at!) + 20_000);
    const listed = (await keysOf(tenant.partnerId)).find((item) => item.id === key.id);
    expect(listed).toMatchObject({ lastUsedIp: '127.0.0.1', lastUsedAt: expect.any(String) });
  });
});
