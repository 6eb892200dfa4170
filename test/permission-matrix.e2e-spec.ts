import { randomUUID } from 'node:crypto';
import { TestApp, createTestApp } from './support/test-app';
import { Login, PASSWORD, Tenant, address, bearer, createTenant, orderSubscription, uniqueEmail } from './support/fixtures';
import { listRoutes } from './support/routes';
import { eventually } from './support/eventually';
import { png } from '../libs/branding/testing/crafted-images';

/**
 * API.md's permission table as a test: every route × every kind of caller → status.
 * Roles run in this order so destructive successes (partner admin) come last.
 */
const ROLES = ['anonymous', 'stranger', 'customerGuest', 'partnerGuest', 'customerAdmin', 'partnerAdmin'] as const;
type Role = (typeof ROLES)[number];
type Expectation = Record<Role, number>;
type Params = Record<string, string>;

interface Context {
  testApp: TestApp;
  tenant: Tenant;
}

interface Row {
  /** Which organization :orgId names; default the linked customer organization. */
  target?: 'customer' | 'partner';
  /** Run against a tenant of its own (the row destroys what it acts on). */
  freshTenant?: boolean;
  /** Creates the objects the route's other parameters name, once per caller. */
  prepare?: (context: Context, orgId: string) => Promise<Params>;
  body?: (params: Params) => object;
  /** Sends this file as the multipart field `file` instead of a JSON body. */
  file?: () => Promise<Buffer>;
  headers?: () => Record<string, string>;
  /** The query string, for routes that require one. */
  query?: () => Record<string, string>;
  expect: Expectation;
}

const everyone = (status: number): Expectation => ({
  anonymous: status, stranger: status, customerGuest: status, partnerGuest: status, customerAdmin: status, partnerAdmin: status,
});
const loggedIn = (status: number): Expectation => ({ ...everyone(status), anonymous: 401 });
/** Everyone who can see the organization. */
const members = (status: number): Expectation => ({ ...loggedIn(status), stranger: 404 });
/** "admins write, guests read" */
const admins = (status: number): Expectation => ({ ...members(status), customerGuest: 403, partnerGuest: 403 });
/** Billing, deleting a linked customer organization: the billing owner's (partner's) admins. */
const billingOwnerAdmins = (status: number): Expectation => ({ ...admins(status), customerAdmin: 403 });
/** On the partner organization: customer logins cannot see it at all. */
const partnerMembers = (status: number): Expectation => ({ ...members(status), customerGuest: 404, customerAdmin: 404 });
/** On the partner organization, its admins only (customers, payment methods, customer invoices, support settings). */
const partnerAdmins = (status: number): Expectation => ({ ...partnerMembers(status), partnerGuest: 403 });

async function createHost({ testApp, tenant }: Context, orgId: string): Promise<Params> {
  const response = await testApp.http.post(`/api/v1/organizations/${orgId}/hosts`).set(bearer(tenant.partnerAdmin)).send({ name: `host-${randomUUID().slice(0, 6)}` }).expect(201);
  return { hostId: response.body.id };
}

async function createEndpoint({ testApp, tenant }: Context, orgId: string): Promise<Params> {
  const response = await testApp.http
    .post(`/api/v1/organizations/${orgId}/endpoints`)
    .set(bearer(tenant.partnerAdmin))
    .send({ name: 'shop', url: 'https://shop.example.test' })
    .expect(201);
  return { endpointId: response.body.id };
}

/** Nothing listens on port 9 (discard): deliveries fail fast and harmlessly. */
const WEBHOOK = { url: 'http://127.0.0.1:9/matrix', events: ['member.added'] };

async function createWebhook({ testApp, tenant }: Context, orgId: string): Promise<Params> {
  const response = await testApp.http.post(`/api/v1/organizations/${orgId}/webhooks`).set(bearer(tenant.partnerAdmin)).send(WEBHOOK).expect(201);
  return { webhookId: response.body.id };
}

/** A webhook with a delivery whose retries are spent, written directly so no worker is attempting it when the row runs. */
async function failedWebhookDelivery(context: Context, orgId: string): Promise<Params> {
  const { webhookId } = await createWebhook(context, orgId);
  const deliveryId = randomUUID();
  await context.testApp.sql(
    `insert into webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, attempts, last_error)
     values (?, ?, ?, 'member.added', ?, 'failed', 4, 'connection refused')`,
    [deliveryId, webhookId, randomUUID(), JSON.stringify({ type: 'member.added', timestamp: new Date().toISOString(), data: { organizationId: orgId } })],
  );
  return { webhookId, deliveryId };
}

const ORDER = { planCode: 'starter', acceptPaymentObligation: true };

/** Orders once per tenant (a fixed Idempotency-Key replays the same order) and names its invoice. */
async function orderedInvoice({ testApp, tenant }: Context, orgId: string): Promise<Params> {
  const { invoice } = await orderSubscription(testApp, tenant.partnerAdmin, orgId, ORDER, `matrix-${orgId}`);
  return { invoiceId: invoice.id };
}

/** Orders (as orderedInvoice) and books the addon hosts-10 once per tenant, with a fixed Idempotency-Key. */
async function bookedAddon(context: Context, orgId: string): Promise<Params> {
  await orderedInvoice(context, orgId);
  await context.testApp.http
    .post(`/api/v1/organizations/${orgId}/subscription/addons`)
    .set(bearer(context.tenant.partnerAdmin))
    .set('Idempotency-Key', `matrix-addon-${orgId}`)
    .send({ addonCode: 'hosts-10' })
    .expect(201);
  return { addonCode: 'hosts-10' };
}

/** An ordered invoice whose PDF the queue has rendered, so the PDF route answers 200 rather than 202. */
async function renderedInvoice(context: Context, orgId: string): Promise<Params> {
  const params = await orderedInvoice(context, orgId);
  return eventually('the invoice PDF to be rendered', async () => {
    const response = await context.testApp.http
      .get(`/api/v1/organizations/${orgId}/invoices/${params.invoiceId}/pdf`)
      .set(bearer(context.tenant.partnerAdmin));
    if (response.status === 200) return params;
    if (response.status !== 202) throw new Error(`The invoice PDF was not rendered (status ${response.status})`);
    return undefined;
  });
}

/** A rendered invoice of the tenant's customer, addressed to the partner (the target). */
function renderedCustomerInvoice(context: Context): Promise<Params> {
  return renderedInvoice(context, context.tenant.customerId);
}

async function uploadedLogo({ testApp, tenant }: Context, orgId: string): Promise<Params> {
  await testApp.http.put(`/api/v1/organizations/${orgId}/logo`).set(bearer(tenant.partnerAdmin)).attach('file', await png(), 'logo.png').expect(200);
  return {};
}

/** An ordered inventory report the pdf queue has rendered. */
async function renderedReport({ testApp, tenant }: Context, orgId: string): Promise<Params> {
  const ordered = await testApp.http.post(`/api/v1/organizations/${orgId}/reports`).set(bearer(tenant.partnerAdmin)).send({ type: 'inventory' }).expect(202);
  await eventually('the report to be rendered', async () => {
    const response = await testApp.http.get(`/api/v1/organizations/${orgId}/reports/${ordered.body.id}`).set(bearer(tenant.partnerAdmin)).expect(200);
    return response.body.status === 'done' ? true : undefined;
  });
  return { reportId: ordered.body.id };
}

const SUPPORT_SETTINGS = { company: 'Muster IT GmbH', email: 'support@muster-it.example', phone: '+49 30 1234567' };

async function createGuestMember({ testApp, tenant }: Context, orgId: string): Promise<Params> {
  const response = await testApp.http
    .post(`/api/v1/organizations/${orgId}/members`)
    .set(bearer(tenant.partnerAdmin))
    .send({ email: uniqueEmail('member'), role: 'guest', password: PASSWORD })
    .expect(201);
  return { userId: response.body.userId };
}

const MATRIX: Record<string, Row> = {
  'GET /': { expect: everyone(200) },
  'GET /health': { expect: everyone(200) },

  'POST /api/v1/auth/login': { body: () => ({ email: uniqueEmail('nobody'), password: 'wrong-password' }), expect: everyone(401) },
  'POST /api/v1/auth/refresh': { body: () => ({ refreshToken: `${randomUUID()}.forged` }), expect: everyone(401) },
  'POST /api/v1/auth/logout': { body: () => ({ refreshToken: `${randomUUID()}.forged` }), expect: loggedIn(204) },
  'POST /api/v1/auth/password': { body: () => ({ currentPassword: 'not-my-password', newPassword: 'a-new-password-123' }), expect: loggedIn(400) },
  'GET /api/v1/me': { expect: loggedIn(200) },
  'GET /api/v1/me/organizations': { expect: loggedIn(200) },

  'POST /api/v1/organizations': {
    target: 'partner',
    body: (params) => ({ name: 'New customer', address: address(), partnerId: params.orgId }),
    expect: partnerAdmins(201),
  },
  'GET /api/v1/organizations/:orgId': { expect: members(200) },
  'PATCH /api/v1/organizations/:orgId': { body: () => ({ name: `Renamed ${randomUUID().slice(0, 4)}` }), expect: admins(200) },
  'DELETE /api/v1/organizations/:orgId': { freshTenant: true, expect: billingOwnerAdmins(204) },
  'GET /api/v1/organizations/:orgId/customers': { target: 'partner', expect: partnerMembers(200) },
  'GET /api/v1/organizations/:orgId/permissions': { expect: members(200) },
  'GET /api/v1/organizations/:orgId/audit-log': { expect: admins(200) },

  'GET /api/v1/organizations/:orgId/api-keys': { expect: admins(200) },
  'POST /api/v1/organizations/:orgId/api-keys': { body: () => ({ name: 'matrix', scopes: ['read'] }), expect: admins(201) },
  'DELETE /api/v1/organizations/:orgId/api-keys/:keyId': {
    prepare: async ({ testApp, tenant }, orgId) => ({ keyId: (await createKey(testApp, tenant.partnerAdmin, orgId, ['read'])).id }),
    expect: admins(204),
  },

  'POST /api/v1/auth/password-reset': { body: () => ({ email: uniqueEmail('reset') }), expect: everyone(202) },
  'POST /api/v1/auth/password-reset/confirm': { body: () => ({ token: 'not-a-reset-token', newPassword: 'a-long-enough-password' }), expect: everyone(400) },
  'POST /api/v1/auth/mfa': { body: () => ({ mfaToken: 'not-a-login-token', code: '123456' }), expect: everyone(401) },
  'POST /api/v1/me/mfa/totp': { expect: loggedIn(201) },
  // After the row above each caller's enrolment is pending; a wrong code is the same 401 as no login.
  'POST /api/v1/me/mfa/totp/confirm': { body: () => ({ code: '000000' }), expect: everyone(401) },
  'DELETE /api/v1/me/mfa/totp': { body: () => ({ code: '000000' }), expect: loggedIn(409) },
  'GET /api/v1/me/sessions': { expect: loggedIn(200) },
  'DELETE /api/v1/me/sessions/:sessionId': { prepare: async () => ({ sessionId: randomUUID() }), expect: loggedIn(404) },
  'DELETE /api/v1/me/sessions': { expect: loggedIn(204) },

  'PATCH /api/v1/organizations/:orgId/security': { body: () => ({ requireMfa: false }), expect: admins(200) },
  'GET /api/v1/organizations/:orgId/overview': { target: 'partner', expect: partnerMembers(200) },
  'GET /api/v1/organizations/:orgId/usage': { target: 'partner', query: () => ({ month: '2026-11' }), expect: partnerAdmins(200) },

  'GET /api/v1/organizations/:orgId/webhooks': { expect: admins(200) },
  'POST /api/v1/organizations/:orgId/webhooks': { body: () => WEBHOOK, expect: admins(201) },
  'GET /api/v1/organizations/:orgId/webhooks/:webhookId': { prepare: createWebhook, expect: admins(200) },
  'PATCH /api/v1/organizations/:orgId/webhooks/:webhookId': { prepare: createWebhook, body: () => ({ description: 'matrix' }), expect: admins(200) },
  'DELETE /api/v1/organizations/:orgId/webhooks/:webhookId': { prepare: createWebhook, expect: admins(204) },
  'POST /api/v1/organizations/:orgId/webhooks/:webhookId/rotate-secret': { prepare: createWebhook, expect: admins(200) },
  'POST /api/v1/organizations/:orgId/webhooks/:webhookId/test': { prepare: createWebhook, expect: admins(202) },
  'GET /api/v1/organizations/:orgId/webhooks/:webhookId/deliveries': { prepare: createWebhook, expect: admins(200) },
  'POST /api/v1/organizations/:orgId/webhooks/:webhookId/deliveries/:deliveryId/retry': { prepare: failedWebhookDelivery, expect: admins(202) },

  'GET /api/v1/organizations/:orgId/members': { expect: members(200) },
  'POST /api/v1/organizations/:orgId/members': { body: () => ({ email: uniqueEmail('new'), role: 'guest', password: PASSWORD }), expect: admins(201) },
  'PATCH /api/v1/organizations/:orgId/members/:userId': { prepare: createGuestMember, body: () => ({ role: 'admin' }), expect: admins(200) },
  'DELETE /api/v1/organizations/:orgId/members/:userId': { prepare: createGuestMember, expect: admins(204) },

  'GET /api/v1/organizations/:orgId/licenses': { expect: members(200) },
  'GET /api/v1/organizations/:orgId/hosts': { expect: members(200) },
  'POST /api/v1/organizations/:orgId/hosts': { body: () => ({ name: `host-${randomUUID().slice(0, 6)}` }), expect: admins(201) },
  'GET /api/v1/organizations/:orgId/hosts/:hostId': { prepare: createHost, expect: members(200) },
  'DELETE /api/v1/organizations/:orgId/hosts/:hostId': { prepare: createHost, expect: admins(204) },
  'GET /api/v1/organizations/:orgId/endpoints': { expect: members(200) },
  'POST /api/v1/organizations/:orgId/endpoints': { body: () => ({ name: 'web', url: 'https://www.example.test' }), expect: admins(201) },
  'GET /api/v1/organizations/:orgId/endpoints/:endpointId': { prepare: createEndpoint, expect: members(200) },
  'PATCH /api/v1/organizations/:orgId/endpoints/:endpointId': { prepare: createEndpoint, body: () => ({ intervalSeconds: 600 }), expect: admins(200) },
  'DELETE /api/v1/organizations/:orgId/endpoints/:endpointId': { prepare: createEndpoint, expect: admins(204) },

  // A linked customer organization's billing address is its partner's: readable by the billing owner's admins, PUT answers 409.
  'GET /api/v1/organizations/:orgId/billing-address': { expect: billingOwnerAdmins(200) },
  'PUT /api/v1/organizations/:orgId/billing-address': {
    body: () => ({ differentBillingAddress: false, useAsInvoiceRecipient: false, recipient: { name: 'Muster', ...address(), email: 'rechnung@example.test' } }),
    expect: billingOwnerAdmins(409),
  },
  // Payment methods exist on billing owners only (a linked customer organization answers 409 managed-by-partner).
  'GET /api/v1/organizations/:orgId/payment-methods': { target: 'partner', expect: partnerAdmins(200) },
  'POST /api/v1/organizations/:orgId/payment-methods': {
    target: 'partner',
    body: () => ({ type: 'sepa', iban: 'DE89370400440532013000', accountHolder: 'Muster' }),
    expect: partnerAdmins(201),
  },
  'DELETE /api/v1/organizations/:orgId/payment-methods/:paymentMethodId': {
    target: 'partner',
    prepare: async ({ testApp, tenant }, orgId) => {
      const response = await testApp.http
        .post(`/api/v1/organizations/${orgId}/payment-methods`)
        .set(bearer(tenant.partnerAdmin))
        .send({ type: 'sepa', iban: 'DE89370400440532013000', accountHolder: 'Muster' })
        .expect(201);
      return { paymentMethodId: response.body.id };
    },
    expect: partnerAdmins(204),
  },

  'GET /api/v1/organizations/:orgId/billing/catalog': { expect: billingOwnerAdmins(200) },
  'GET /api/v1/organizations/:orgId/subscription': { expect: billingOwnerAdmins(200) },
  'POST /api/v1/organizations/:orgId/subscription': {
    freshTenant: true,
    body: () => ORDER,
    headers: () => ({ 'Idempotency-Key': randomUUID() }),
    expect: billingOwnerAdmins(201),
  },
  'POST /api/v1/organizations/:orgId/subscription/addons': {
    freshTenant: true,
    prepare: orderedInvoice,
    body: () => ({ addonCode: 'hosts-10' }),
    headers: () => ({ 'Idempotency-Key': randomUUID() }),
    expect: billingOwnerAdmins(201),
  },
  'DELETE /api/v1/organizations/:orgId/subscription/addons/:addonCode': { freshTenant: true, prepare: bookedAddon, expect: billingOwnerAdmins(204) },
  'POST /api/v1/organizations/:orgId/subscription/cancel': { freshTenant: true, prepare: orderedInvoice, expect: billingOwnerAdmins(200) },
  'GET /api/v1/organizations/:orgId/invoices': { expect: billingOwnerAdmins(200) },
  'GET /api/v1/organizations/:orgId/invoices/:invoiceId': { freshTenant: true, prepare: orderedInvoice, expect: billingOwnerAdmins(200) },
  'GET /api/v1/organizations/:orgId/invoices/:invoiceId/pdf': { freshTenant: true, prepare: renderedInvoice, expect: billingOwnerAdmins(200) },
  'GET /api/v1/organizations/:orgId/invoices/:invoiceId/xml': { freshTenant: true, prepare: renderedInvoice, expect: billingOwnerAdmins(200) },
  'GET /api/v1/organizations/:orgId/customer-invoices': { target: 'partner', expect: partnerAdmins(200) },
  'GET /api/v1/organizations/:orgId/customer-invoices/:invoiceId/pdf': { target: 'partner', freshTenant: true, prepare: renderedCustomerInvoice, expect: partnerAdmins(200) },
  'GET /api/v1/organizations/:orgId/customer-invoices/:invoiceId/xml': { target: 'partner', freshTenant: true, prepare: renderedCustomerInvoice, expect: partnerAdmins(200) },

  'PUT /api/v1/organizations/:orgId/logo': { file: () => png(), expect: admins(200) },
  'GET /api/v1/organizations/:orgId/logo': { prepare: uploadedLogo, expect: members(200) },
  'DELETE /api/v1/organizations/:orgId/logo': { prepare: uploadedLogo, expect: admins(204) },
  'GET /api/v1/organizations/:orgId/branding': { expect: members(200) },
  'GET /api/v1/organizations/:orgId/branding/logo': { expect: members(200) },

  'GET /api/v1/organizations/:orgId/support-settings': { target: 'partner', expect: partnerAdmins(200) },
  'PUT /api/v1/organizations/:orgId/support-settings': { target: 'partner', body: () => SUPPORT_SETTINGS, expect: partnerAdmins(200) },
  'GET /api/v1/organizations/:orgId/support-contact': { expect: members(200) },

  'POST /api/v1/organizations/:orgId/reports': { body: () => ({ type: 'inventory' }), expect: admins(202) },
  'GET /api/v1/organizations/:orgId/reports': { expect: members(200) },
  'GET /api/v1/organizations/:orgId/reports/:reportId': { prepare: renderedReport, expect: members(200) },
  'GET /api/v1/organizations/:orgId/reports/:reportId/pdf': { prepare: renderedReport, expect: members(200) },
};

/** Key callers, run in this order so the destructive successes (the partner's key with every scope) come last. */
const KEY_ROLES = ['revokedKey', 'expiredKey', 'strangerKey', 'partnerReadKey', 'customerKey', 'partnerKey'] as const;
type KeyRole = (typeof KEY_ROLES)[number];
type TenantKeys = Record<KeyRole, string>;

const ALL_SCOPES = ['read', 'write', 'settings', 'team', 'billing', 'delete', 'supportSettings', 'auditLog'];
/** Routes without authentication, where an Authorization header is ignored. */
const PUBLIC_ROUTES = new Set([
  'GET /',
  'GET /health',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/auth/mfa',
]);
/** Routes a person must call: anything outside an organization, and managing the organization's API keys. */
const forPeopleOnly = (key: string) => !key.split(' ')[1].startsWith('/api/v1/organizations/:orgId') || key.includes('/api-keys');

/**
 * What an API key gets, from API.md v1.1: a key is ignored on public routes; revoked and expired
 * keys are unauthenticated; live keys are refused (403) where only people may call; elsewhere a
 * key with every grantable scope acts as an admin of its organization (a partner's in its
 * customers), a read-only key as a guest, and another partner's key as a stranger.
 */
function keyExpectation(key: string, row: Row): Record<KeyRole, number> {
  if (PUBLIC_ROUTES.has(key)) return Object.fromEntries(KEY_ROLES.map((role) => [role, row.expect.anonymous])) as Record<KeyRole, number>;
  if (forPeopleOnly(key)) return { revokedKey: 401, expiredKey: 401, strangerKey: 403, partnerReadKey: 403, customerKey: 403, partnerKey: 403 };
  return {
    revokedKey: 401,
    expiredKey: 401,
    strangerKey: row.expect.stranger,
    partnerReadKey: row.expect.partnerGuest,
    customerKey: row.expect.customerAdmin,
    partnerKey: row.expect.partnerAdmin,
  };
}

async function createKey(testApp: TestApp, admin: Login, orgId: string, scopes: string[]): Promise<{ id: string; key: string }> {
  const response = await testApp.http.post(`/api/v1/organizations/${orgId}/api-keys`).set(bearer(admin)).send({ name: `matrix ${scopes.join(' ')}`, scopes }).expect(201);
  return response.body;
}

async function createTenantKeys(testApp: TestApp, tenant: Tenant): Promise<TenantKeys> {
  const grantableToCustomers = ['read', 'write', 'settings', 'team', 'auditLog'];
  const [revoked, expired, stranger, partnerRead, customer, partner] = await Promise.all([
    createKey(testApp, tenant.partnerAdmin, tenant.partnerId, ALL_SCOPES),
    createKey(testApp, tenant.partnerAdmin, tenant.partnerId, ALL_SCOPES),
    createKey(testApp, tenant.strangerAdmin, tenant.strangerPartnerId, ALL_SCOPES),
    createKey(testApp, tenant.partnerAdmin, tenant.partnerId, ['read']),
    createKey(testApp, tenant.customerAdmin, tenant.customerId, grantableToCustomers),
    createKey(testApp, tenant.partnerAdmin, tenant.partnerId, ALL_SCOPES),
  ]);
  await testApp.http.delete(`/api/v1/organizations/${tenant.partnerId}/api-keys/${revoked.id}`).set(bearer(tenant.partnerAdmin)).expect(204);
  await testApp.sql("update api_key set expires_at = now() - interval '1 second' where id = ?", [expired.id]);
  return { revokedKey: revoked.key, expiredKey: expired.key, strangerKey: stranger.key, partnerReadKey: partnerRead.key, customerKey: customer.key, partnerKey: partner.key };
}

describe('permission matrix', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let tenantKeys: TenantKeys;

  beforeAll(async () => {
    // Enough licences that creating hosts for every caller never hits the limit.
    testApp = await createTestApp({ TRIAL_LICENSES: '1000' });
    tenant = await createTenant(testApp);
    tenantKeys = await createTenantKeys(testApp, tenant);
  });
  afterAll(() => testApp.close());

  it('has exactly one row for every route the application serves', () => {
    const served = listRoutes(testApp.app).map((route) => route.key);
    expect(Object.keys(MATRIX).sort()).toEqual([...served].sort());
  });

  /** Calls the row's route as each caller in turn (an Authorization header or none), checking the audit log and problem answers on the way. */
  async function statusesOf<Caller extends string>(key: string, row: Row, rowTenant: Tenant, callers: [Caller, string | undefined][]): Promise<Record<Caller, number>> {
    const [method, pattern] = key.split(' ');
    const orgId = row.target === 'partner' ? rowTenant.partnerId : rowTenant.customerId;
    // A change to an organization is audited in its transaction: an entry exactly when the change succeeds.
    const audited = method !== 'GET' && pattern.startsWith('/api/v1/organizations/:orgId');
    const auditEntries = async () => Number((await testApp.sql<{ count: string }>('select count(*) from audit_log_entry where organization_id = ?', [orgId]))[0].count);
    const actual = {} as Record<Caller, number>;
    for (const [caller, authorization] of callers) {
      const params: Params = { orgId, ...(await row.prepare?.({ testApp, tenant: rowTenant }, orgId)) };
      const path = pattern.replace(/:(\w+)/g, (_, name: string) => params[name]);
      const call = testApp.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
      if (authorization) call.set('Authorization', authorization);
      if (row.headers) call.set(row.headers());
      if (row.query) call.query(row.query());
      const file = await row.file?.();
      const entriesBefore = audited ? await auditEntries() : 0;
      const response = await (file ? call.attach('file', file, 'logo.png') : call.send(row.body?.(params)));
      actual[caller] = response.status;
      if (audited) expect({ caller, newAuditEntries: (await auditEntries()) - entriesBefore }).toEqual({ caller, newAuditEntries: response.status < 300 ? 1 : 0 });
      if (response.status >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    return actual;
  }

  it.each(Object.entries(MATRIX))('%s', async (key, row) => {
    const rowTenant = row.freshTenant ? await createTenant(testApp) : tenant;
    const logins: Record<Role, Login | undefined> = {
      anonymous: undefined,
      stranger: rowTenant.strangerAdmin,
      customerGuest: rowTenant.customerGuest,
      partnerGuest: rowTenant.partnerGuest,
      customerAdmin: rowTenant.customerAdmin,
      partnerAdmin: rowTenant.partnerAdmin,
    };
    const callers = ROLES.map((role): [Role, string | undefined] => [role, logins[role] && `Bearer ${logins[role].token}`]);
    expect(await statusesOf(key, row, rowTenant, callers)).toEqual(row.expect);
  });

  it.each(Object.entries(MATRIX))('%s with API keys', async (key, row) => {
    const rowTenant = row.freshTenant ? await createTenant(testApp) : tenant;
    const keys = row.freshTenant ? await createTenantKeys(testApp, rowTenant) : tenantKeys;
    const callers = KEY_ROLES.map((role): [KeyRole, string] => [role, `Bearer ${keys[role]}`]);
    expect(await statusesOf(key, row, rowTenant, callers)).toEqual(keyExpectation(key, row));
  });
});
