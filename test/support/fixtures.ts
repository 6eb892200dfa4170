import { randomUUID } from 'node:crypto';
import { OrganizationId } from '../../src/common/organization-id';
import { ProvisioningService } from '../../src/accounts/provisioning.service';
import { address } from './address';
import { TestApp } from './test-app';

export const PASSWORD = 'correct-horse-battery-staple';

export interface Login {
  userId: string;
  email: string;
  token: string;
  refreshToken: string;
}

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export { address } from './address';

export async function login(testApp: TestApp, email: string, password = PASSWORD): Promise<Login> {
  const response = await testApp.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return { userId: response.body.user.id, email, token: response.body.accessToken, refreshToken: response.body.refreshToken };
}

export const bearer = (login: Login) => ({ Authorization: `Bearer ${login.token}` });

/** A partner organization and a logged-in admin, made the way the operator CLI makes them. */
export async function createPartner(testApp: TestApp, name = `Partner ${randomUUID().slice(0, 6)}`) {
  const email = uniqueEmail('partner-admin');
  const { organizationId } = await testApp.app
    .get(ProvisioningService)
    .createPartner({ name, address: address(), adminEmail: email, adminPassword: PASSWORD });
  return { organizationId, admin: await login(testApp, email) };
}

export async function createCustomer(testApp: TestApp, partnerAdmin: Login, partnerId: string, name = `Customer ${randomUUID().slice(0, 6)}`) {
  const response = await testApp.http
    .post('/api/v1/organizations')
    .set(bearer(partnerAdmin))
    .send({ name, address: address(), partnerId })
    .expect(201);
  return response.body as { id: OrganizationId; name: string };
}

/** Adds a member with a known password (no invitation mail) and logs them in. */
export async function addMember(testApp: TestApp, admin: Login, organizationId: string, role: 'admin' | 'guest', label: string = role): Promise<Login> {
  const email = uniqueEmail(label);
  await testApp.http
    .post(`/api/v1/organizations/${organizationId}/members`)
    .set(bearer(admin))
    .send({ email, role, password: PASSWORD })
    .expect(201);
  return login(testApp, email);
}

/** Orders a subscription under an Idempotency-Key (a fresh one unless given; the same key replays the order) and returns the 201 body. */
export async function orderSubscription(
  testApp: TestApp,
  as: Login,
  organizationId: string,
  body: object = { planCode: 'business', acceptPaymentObligation: true },
  key: string = randomUUID(),
) {
  const response = await testApp.http
    .post(`/api/v1/organizations/${organizationId}/subscription`)
    .set(bearer(as))
    .set('Idempotency-Key', key)
    .send(body)
    .expect(201);
  return response.body as { invoice: { id: string; number: string }; subscription: Record<string, unknown> };
}

export interface Tenant {
  partnerId: OrganizationId;
  customerId: OrganizationId;
  partnerAdmin: Login;
  partnerGuest: Login;
  customerAdmin: Login;
  customerGuest: Login;
  strangerAdmin: Login;
  strangerPartnerId: OrganizationId;
}

/** One partner with a linked customer, a login for every role, and another partner's admin. */
export async function createTenant(testApp: TestApp): Promise<Tenant> {
  const partner = await createPartner(testApp);
  const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
  const [partnerGuest, customerAdmin, customerGuest, stranger] = await Promise.all([
    addMember(testApp, partner.admin, partner.organizationId, 'guest', 'partner-guest'),
    addMember(testApp, partner.admin, customer.id, 'admin', 'customer-admin'),
    addMember(testApp, partner.admin, customer.id, 'guest', 'customer-guest'),
    createPartner(testApp),
  ]);
  return {
    partnerId: partner.organizationId,
    customerId: customer.id,
    partnerAdmin: partner.admin,
    partnerGuest,
    customerAdmin,
    customerGuest,
    strangerAdmin: stranger.admin,
    strangerPartnerId: stranger.organizationId,
  };
}

/** Creates an API key of `organizationId` as `admin` and returns its token (shown once) and id. */
export async function createApiKey(testApp: TestApp, admin: Login, organizationId: string, scopes: string[], name = `key-${randomUUID().slice(0, 6)}`) {
  const response = await testApp.http.post(`/api/v1/organizations/${organizationId}/api-keys`).set(bearer(admin)).send({ name, scopes }).expect(201);
  return { id: response.body.id as string, name, token: response.body.key as string };
}

export const keyBearer = (key: { token: string }) => ({ Authorization: `Bearer ${key.token}` });
