import createClient, { Client } from 'openapi-fetch';
import type { paths } from './openapi';

/** What the walk saw, for the test to check. */
export interface Walk {
  customerId: string;
  hostNames: string[];
  invoiceNumber: string;
  invoicePdfBytes: number;
  hostsSeenWithKey: number;
  webhookSecretPrefix: string;
  overviewNames: string[];
}

/** Answers as JSON and problems as problem+json: the routes that can also answer CSV are read as JSON. */
type JsonMedia = `application/${string}json`;

const ADDRESS = { street: 'Hauptstraße 1', postalCode: '99084', city: 'Erfurt', country: 'DE' };

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what}: no answer body`);
  return value;
}

/**
 * The manual walked by a partner's integration with a client generated from /docs-json
 * (openapi-typescript types, openapi-fetch calls): typed end to end, without a single cast, so a
 * route whose document lies fails to compile or to run here.
 */
export async function walkTheManual(baseUrl: string, partnerId: string, login: { email: string; password: string }): Promise<Walk> {
  const anonymous = createClient<paths>({ baseUrl });
  const tokens = required((await anonymous.POST('/api/v1/auth/login', { body: login })).data, 'login');
  if (!('accessToken' in tokens)) throw new Error('this walk logs in without 2FA');
  const api: Client<paths, JsonMedia> = createClient<paths, JsonMedia>({ baseUrl, headers: { Authorization: `Bearer ${tokens.accessToken}` } });

  const mine = required((await api.GET('/api/v1/me/organizations', { params: { query: { limit: 50 } } })).data, 'my organizations');
  if (!mine.items.some((organization) => organization.id === partnerId)) throw new Error('the partner organization is not among mine');

  // A customer organization with its own logins.
  const customer = required((await api.POST('/api/v1/organizations', { body: { name: 'Typed Kunde GmbH', address: ADDRESS, partnerId } })).data, 'create organization');
  const orgPath = { path: { orgId: customer.id } };
  await api.POST('/api/v1/organizations/{orgId}/members', { params: orgPath, body: { email: `typed-admin-${customer.id.slice(0, 8)}@example.test`, role: 'admin', password: 'correct-horse-battery-staple' } });

  // Its monitoring: a host, listed back.
  const host = await api.POST('/api/v1/organizations/{orgId}/hosts', { params: orgPath, body: { name: 'srv-typed-01', os: 'Debian 12' } });
  if (!host.data) throw new Error(`create host: ${host.response.status} ${host.error?.type}`);
  const hosts = required((await api.GET('/api/v1/organizations/{orgId}/hosts', { params: { ...orgPath, query: { limit: 10 } } })).data, 'hosts');

  // A subscription at the partner's conditions; its invoice goes to the partner, with a PDF.
  const order = await api.POST('/api/v1/organizations/{orgId}/subscription', {
    params: { ...orgPath, header: { 'Idempotency-Key': `typed-${customer.id}` } },
    body: { planCode: 'starter', acceptPaymentObligation: true },
  });
  const ordered = required(order.data, `order (${order.response.status} ${order.error?.type})`);
  const partnerPath = { path: { orgId: partnerId } };
  const customerInvoices = required((await api.GET('/api/v1/organizations/{orgId}/customer-invoices', { params: partnerPath })).data, 'customer invoices');
  if (!customerInvoices.items.some((invoice) => invoice.id === ordered.invoice.id)) throw new Error('the partner does not receive the customer’s invoice');
  let pdfBytes = 0;
  for (let attempt = 0; attempt < 100 && pdfBytes === 0; attempt++) {
    const pdf = await api.GET('/api/v1/organizations/{orgId}/invoices/{invoiceId}/pdf', {
      params: { path: { orgId: customer.id, invoiceId: ordered.invoice.id } },
      parseAs: 'arrayBuffer',
    });
    if (pdf.response.status === 200 && pdf.data) pdfBytes = pdf.data.byteLength;
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }

  // An integration's own credential, and a webhook for what happens next.
  const key = required((await api.POST('/api/v1/organizations/{orgId}/api-keys', { params: partnerPath, body: { name: 'typed PSA', scopes: ['read', 'settings'] } })).data, 'api key');
  const integration = createClient<paths, JsonMedia>({ baseUrl, headers: { Authorization: `Bearer ${key.key}` } });
  const hostsWithKey = required((await integration.GET('/api/v1/organizations/{orgId}/hosts', { params: orgPath })).data, 'hosts with the key');
  const webhook = required(
    (await integration.POST('/api/v1/organizations/{orgId}/webhooks', { params: partnerPath, body: { url: 'http://127.0.0.1:9/typed', events: ['member.added', 'report.completed'], includeCustomers: true } })).data,
    'webhook',
  );
  const overview = required((await integration.GET('/api/v1/organizations/{orgId}/overview', { params: { ...partnerPath, query: { sort: 'licenseUsage' } } })).data, 'overview');

  return {
    customerId: customer.id,
    hostNames: hosts.items.map((item) => item.name),
    invoiceNumber: ordered.invoice.number,
    invoicePdfBytes: pdfBytes,
    hostsSeenWithKey: hostsWithKey.items.length,
    webhookSecretPrefix: webhook.secret.slice(0, 6),
    overviewNames: overview.items.map((item) => item.name),
  };
}
