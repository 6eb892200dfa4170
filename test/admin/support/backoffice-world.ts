import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { partnerAddressOptions } from '../../support/address';
import { eventually } from '../../support/eventually';
import { AdminServer } from './admin-server';

export const STAFF_PASSWORD = 'staff-password-123';
export const PARTNER_PASSWORD = 'partner-password-123';

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export interface BackofficeWorld {
  staff: { id: string; email: string };
  partner: { organizationId: string; userId: string; email: string; token: string };
  customer: { id: string; name: string };
  invoice: { id: string; number: string };
}

const ADDRESS = { street: 'Hauptstraße 1', postalCode: '99084', city: 'Erfurt', country: 'DE' };

/**
 * A staff login and a partner (both made with the operator CLI), a customer organization the
 * partner created over the API, and its first invoice with the PDF the server's pdf queue rendered.
 */
export async function createWorld(server: AdminServer): Promise<BackofficeWorld> {
  const staffEmail = uniqueEmail('staff');
  const partnerEmail = uniqueEmail('partner-admin');
  const [staff, partner] = await Promise.all([
    server.cli('staff:create', '--email', staffEmail, '--password', STAFF_PASSWORD),
    server.cli('partner:create', '--name', `Muster IT ${randomUUID().slice(0, 4)}`, '--email', partnerEmail, '--password', PARTNER_PASSWORD, '--discount', '5', ...partnerAddressOptions()),
  ]);
  const http = request(server.baseUrl);
  const login = await http.post('/api/v1/auth/login').send({ email: partnerEmail, password: PARTNER_PASSWORD }).expect(200);
  const bearer = { Authorization: `Bearer ${login.body.accessToken}` };
  const name = `Bäckerei ${randomUUID().slice(0, 6)}`;
  const customer = await http.post('/api/v1/organizations').set(bearer).send({ name, address: ADDRESS, partnerId: partner.organizationId }).expect(201);
  const order = await http
    .post(`/api/v1/organizations/${customer.body.id}/subscription`)
    .set(bearer)
    .set('Idempotency-Key', randomUUID())
    .send({ planCode: 'business', addonCodes: [], acceptPaymentObligation: true })
    .expect(201);
  const invoice = order.body.invoice as { id: string; number: string };
  await eventually('the invoice PDF to be rendered', async () => {
    const [row] = await server.sql<{ status: string }>('select status from invoice_document where invoice_id = $1', [invoice.id]);
    return row?.status === 'rendered' ? true : undefined;
  });
  return {
    staff: { id: staff.staffId, email: staffEmail },
    partner: { organizationId: partner.organizationId, userId: partner.userId, email: partnerEmail, token: login.body.accessToken },
    customer: { id: customer.body.id, name },
    invoice: { id: invoice.id, number: invoice.number },
  };
}

/** A supertest agent that logged in through the AdminJS login form and keeps the session cookie. */
export async function staffAgent(server: AdminServer, email: string, password = STAFF_PASSWORD) {
  const agent = request.agent(server.baseUrl);
  await agent.post('/admin/login').set('Origin', server.baseUrl).type('form').send({ email, password }).expect(302).expect('Location', '/admin/resources/Organization');
  return agent;
}
