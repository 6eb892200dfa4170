import { Webhook } from 'standardwebhooks';
import { TrialEvents } from '../src/webhooks/trial-events';
import { eventually } from './support/eventually';
import { Login, Tenant, addMember, bearer, createApiKey, createCustomer, createTenant, keyBearer, orderSubscription } from './support/fixtures';
import { TestApp, createTestApp } from './support/test-app';
import { ReceivedWebhook, WebhookReceiver } from './support/webhook-receiver';

interface CreatedWebhook {
  id: string;
  secret: string;
}

describe('webhooks', () => {
  let testApp: TestApp;
  let receiver: WebhookReceiver;
  let tenant: Tenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    receiver = await new WebhookReceiver().start();
    tenant = await createTenant(testApp);
  });
  afterAll(async () => {
    await testApp.close();
    await receiver.stop();
  });
  beforeEach(() => receiver.answerWith(() => ({ status: 200 })));

  const api = (path: string) => `/api/v1/organizations/${path}`;

  async function createWebhook(as: Login, orgId: string, body: Record<string, unknown>): Promise<CreatedWebhook> {
    const response = await testApp.http.post(api(`${orgId}/webhooks`)).set(bearer(as)).send({ url: `${receiver.url}/${orgId}`, ...body }).expect(201);
    expect(response.body.secret).toMatch(/^whsec_/);
    return response.body;
  }

  const received = (path: string, type: string, match: (request: ReceivedWebhook) => boolean = () => true) =>
    eventually(`${type} at ${path}`, () => receiver.received.find((request) => request.path === path && request.json.type === type && match(request)));

  const deliveries = async (as: Login, orgId: string, webhookId: string) =>
    (await testApp.http.get(api(`${orgId}/webhooks/${webhookId}/deliveries`)).set(bearer(as)).expect(200)).body.items as Record<string, unknown>[];

  it('delivers a partner its customers’ events, signed per Standard Webhooks, and never shows the secret again', async () => {
    const { partnerId, partnerAdmin } = await createTenant(testApp);
    const webhook = await createWebhook(partnerAdmin, partnerId, { events: ['organization.created', 'member.added'], includeCustomers: true, description: 'PSA' });

    const customer = await createCustomer(testApp, partnerAdmin, partnerId);
    const event = await received(`/${partnerId}`, 'organization.created', (request) => request.json.data.organizationId === customer.id);

    expect(event.json).toEqual({ type: 'organization.created', timestamp: expect.any(String), data: { organizationId: customer.id, partnerId } });
    expect(new Webhook(webhook.secret).verify(event.body, event.headers as Record<string, string>)).toEqual(event.json);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(event.body, event.headers as Record<string, string>)).toThrow();

    const shown = await testApp.http.get(api(`${partnerId}/webhooks/${webhook.id}`)).set(bearer(partnerAdmin)).expect(200);
    expect(shown.body).toMatchObject({ id: webhook.id, events: ['organization.created', 'member.added'], includeCustomers: true, enabled: true, description: 'PSA' });
    expect(JSON.stringify(shown.body)).not.toContain(webhook.secret);
    const [logged] = await eventually('the delivery logged as succeeded', async () => {
      const items = await deliveries(partnerAdmin, partnerId, webhook.id);
      return items.every((item) => item.status === 'succeeded') && items.length > 0 ? items : undefined;
    });
    expect(logged).toMatchObject({ eventId: event.headers['webhook-id'], eventType: 'organization.created', attempts: 1, responseStatus: 200 });
  });

  it('sends events about money to the billing owner only: a customer cannot subscribe to them, its partner hears them', async () => {
    const customerHook = await createWebhook(tenant.customerAdmin, tenant.customerId, { events: ['member.added', 'license.limit_reached'] });
    const refused = await testApp.http
      .post(api(`${tenant.customerId}/webhooks`))
      .set(bearer(tenant.customerAdmin))
      .send({ url: `${receiver.url}/x`, events: ['invoice.issued', 'member.added'] })
      .expect(403);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/webhook-event-not-allowed$/), refusedEvents: ['invoice.issued'] });
    const customersOnly = await testApp.http
      .post(api(`${tenant.customerId}/webhooks`))
      .set(bearer(tenant.customerAdmin))
      .send({ url: `${receiver.url}/x`, events: ['member.added'], includeCustomers: true })
      .expect(400);
    expect(customersOnly.body.type).toMatch(/webhook-customers-not-available$/);

    // Without includeCustomers a partner's webhook still hears its customers' subscriptions and invoices: they are the partner's.
    await createWebhook(tenant.partnerAdmin, tenant.partnerId, { events: ['subscription.ordered', 'invoice.issued', 'member.added'] });
    const { invoice } = await orderSubscription(testApp, tenant.partnerAdmin, tenant.customerId);
    await received(`/${tenant.partnerId}`, 'invoice.issued', (request) => request.json.data.invoiceId === invoice.id);
    await received(`/${tenant.partnerId}`, 'subscription.ordered', (request) => request.json.data.organizationId === tenant.customerId);

    const member = await addMember(testApp, tenant.customerAdmin, tenant.customerId, 'guest');
    await received(`/${tenant.customerId}`, 'member.added', (request) => request.json.data.userId === member.userId);
    expect(receiver.received.filter((request) => request.path === `/${tenant.customerId}` && /^(invoice|subscription)\./.test(request.json.type))).toEqual([]);
    // ... and the customer's member is not the partner's event: that webhook does not include customers.
    expect(receiver.received.filter((request) => request.path === `/${tenant.partnerId}` && request.json.type === 'member.added')).toEqual([]);
    expect(customerHook.id).toBeDefined();
  });

  it('refuses targets that are not public https receivers, before and after DNS', async () => {
    const cases: [string, RegExp][] = [
      ['http://10.0.0.8/hook', /private/],
      ['http://169.254.169.254/latest/meta-data', /linkLocal/],
      ['http://[::1]:8080/hook', /loopback/],
      ['http://[::ffff:192.168.1.1]/hook', /private/],
      ['http://100.100.100.200/hook', /carrierGradeNat/],
      ['https://partnerhub-no-such-host.invalid/hook', /cannot be resolved/],
      ['http://user:secret@127.0.0.1:9/hook', /credentials/],
    ];
    for (const [url, reason] of cases) {
      const response = await testApp.http.post(api(`${tenant.partnerId}/webhooks`)).set(bearer(tenant.partnerAdmin)).send({ url, events: ['member.added'] }).expect(400);
      expect({ url, type: response.body.type, detail: response.body.detail }).toEqual({ url, type: expect.stringMatching(/webhook-target-refused$/), detail: expect.stringMatching(reason) });
    }
    // A target whose redirects lead to a refused address is refused too.
    receiver.answerWith((request) =>
      request.path === '/moved' ? { status: 308, headers: { location: `${receiver.url}/hop` } } : request.path === '/hop' ? { status: 302, headers: { location: 'http://[fd00:ec2::254]/latest' } } : { status: 200 },
    );
    const redirecting = await testApp.http.post(api(`${tenant.partnerId}/webhooks`)).set(bearer(tenant.partnerAdmin)).send({ url: `${receiver.url}/moved`, events: ['member.added'] }).expect(400);
    expect(redirecting.body.detail).toMatch(/redirects to a refused target: fd00:ec2::254 is a uniqueLocal address/);
    const ftp = await testApp.http.post(api(`${tenant.partnerId}/webhooks`)).set(bearer(tenant.partnerAdmin)).send({ url: 'ftp://127.0.0.1/x', events: ['member.added'] }).expect(400);
    expect(ftp.body.type).toMatch(/validation-failed$/);
  });

  it('does not follow a redirect to a refused address, and logs why', async () => {
    const webhook = await createWebhook(tenant.partnerAdmin, tenant.partnerId, { events: ['member.added'] });
    receiver.answerWith((request) => (request.json.type === 'webhook.test' ? { status: 307, headers: { location: 'http://169.254.169.254/latest/meta-data' } } : { status: 200 }));
    await testApp.http.post(api(`${tenant.partnerId}/webhooks/${webhook.id}/test`)).set(bearer(tenant.partnerAdmin)).expect(202);
    const [delivery] = await eventually('the failed attempt', async () => {
      const items = await deliveries(tenant.partnerAdmin, tenant.partnerId, webhook.id);
      return items[0]?.lastAttemptAt ? items : undefined; // attempts counts from the claim; lastAttemptAt once the attempt is recorded
    });
    expect(delivery).toMatchObject({ eventType: 'webhook.test', responseStatus: null, lastError: expect.stringMatching(/redirected to a refused target: 169\.254\.169\.254 is a linkLocal address/) });
  });

  it('retries with the same webhook-id until the receiver accepts, and a manual retry sends a spent delivery again', async () => {
    const { partnerId, partnerAdmin } = await createTenant(testApp);
    const webhook = await createWebhook(partnerAdmin, partnerId, { events: ['member.added'] });
    let failures = 2;
    receiver.answerWith((request) => (request.path === `/${partnerId}` && failures-- > 0 ? { status: 503 } : { status: 200 }));
    const member = await addMember(testApp, partnerAdmin, partnerId, 'guest');
    const attempts = await eventually('three attempts', () => {
      const mine = receiver.received.filter((request) => request.path === `/${partnerId}` && request.json.data.userId === member.userId);
      return mine.length >= 3 ? mine : undefined;
    });
    expect(new Set(attempts.map((attempt) => attempt.headers['webhook-id'])).size).toBe(1);
    const [delivered] = await eventually('the delivery succeeded', async () => {
      const items = await deliveries(partnerAdmin, partnerId, webhook.id);
      return items[0]?.status === 'succeeded' ? items : undefined;
    });
    expect(delivered).toMatchObject({ attempts: 3, responseStatus: 200, lastError: null, succeededAt: expect.any(String) });
    const again = await testApp.http.post(api(`${partnerId}/webhooks/${webhook.id}/deliveries/${delivered.id}/retry`)).set(bearer(partnerAdmin)).expect(409);
    expect(again.body.type).toMatch(/webhook-delivery-succeeded$/);

    // Every attempt refused: after 1 + 3 retries it fails for good; a manual retry tries once more.
    receiver.answerWith((request) => (request.path === `/${partnerId}` ? { status: 500 } : { status: 200 }));
    await testApp.http.post(api(`${partnerId}/webhooks/${webhook.id}/test`)).set(bearer(partnerAdmin)).expect(202);
    const failed = await eventually('the test delivery failed for good', async () => (await deliveries(partnerAdmin, partnerId, webhook.id)).find((item) => item.status === 'failed'), 30_000);
    expect(failed).toMatchObject({ eventType: 'webhook.test', attempts: 4, responseStatus: 500, lastError: 'answered 500: receiver says 500', nextAttemptAt: null });
    receiver.answerWith(() => ({ status: 204 }));
    const retried = await testApp.http.post(api(`${partnerId}/webhooks/${webhook.id}/deliveries/${failed.id}/retry`)).set(bearer(partnerAdmin)).expect(202);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending' });
    await eventually('the manual retry succeeded', async () => (await deliveries(partnerAdmin, partnerId, webhook.id)).find((item) => item.id === failed.id && item.status === 'succeeded'));
  });

  it('signs with both secrets while a rotation overlaps, so the receiver can switch without losing an event', async () => {
    const webhook = await createWebhook(tenant.partnerAdmin, tenant.partnerId, { events: ['member.added'] });
    const rotated = await testApp.http.post(api(`${tenant.partnerId}/webhooks/${webhook.id}/rotate-secret`)).set(bearer(tenant.partnerAdmin)).expect(200);
    expect(rotated.body).toEqual({ secret: expect.stringMatching(/^whsec_/), previousSecretExpiresAt: expect.any(String) });
    const test = await testApp.http.post(api(`${tenant.partnerId}/webhooks/${webhook.id}/test`)).set(bearer(tenant.partnerAdmin)).expect(202);
    const event = await received(`/${tenant.partnerId}`, 'webhook.test', (request) => request.headers['webhook-id'] === test.body.eventId);
    expect(String(event.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [webhook.secret, rotated.body.secret]) {
      expect(new Webhook(secret).verify(event.body, event.headers as Record<string, string>)).toMatchObject({ type: 'webhook.test', data: { webhookId: webhook.id } });
    }
  });

  it('never holds up the change that fires an event: the receiver is still holding its answer when the change has been answered', async () => {
    const { partnerId, partnerAdmin } = await createTenant(testApp);
    const webhook = await createWebhook(partnerAdmin, partnerId, { events: ['member.added'] });
    let release!: () => void;
    const held = new Promise<{ status: number }>((resolve) => (release = () => resolve({ status: 200 })));
    receiver.answerWith((request) => (request.path === `/${partnerId}` ? () => held : { status: 200 }));
    const first = await addMember(testApp, partnerAdmin, partnerId, 'guest');
    await received(`/${partnerId}`, 'member.added', (request) => request.json.data.userId === first.userId);
    // The receiver holds the event's answer; another change still commits and answers at once.
    await testApp.http.post(api(`${partnerId}/hosts`)).set(bearer(partnerAdmin)).send({ name: 'while-held' }).expect(201);
    release();
    const log = await eventually('the held event delivered', async () => {
      const items = await deliveries(partnerAdmin, partnerId, webhook.id);
      return items.length === 1 && items[0].status === 'succeeded' ? items : undefined;
    });
    // Held within the attempt's time limit and then answered: one attempt, nothing timed out.
    expect(log.map((item) => item.attempts)).toEqual([1]);
  });

  it('disables a webhook that accepted nothing for 5 days and mails the organization’s admins; enabling it delivers what waited', async () => {
    const { partnerId, partnerAdmin } = await createTenant(testApp);
    const webhook = await createWebhook(partnerAdmin, partnerId, { events: ['member.added'] });
    await testApp.sql(`update webhook_endpoint set failing_since = now() - interval '5 days 1 minute' where id = ?`, [webhook.id]);
    receiver.answerWith((request) => (request.path === `/${partnerId}` ? { status: 502 } : { status: 200 }));
    await testApp.http.post(api(`${partnerId}/webhooks/${webhook.id}/test`)).set(bearer(partnerAdmin)).expect(202);

    const disabled = await eventually('the webhook disabled', async () => {
      const body = (await testApp.http.get(api(`${partnerId}/webhooks/${webhook.id}`)).set(bearer(partnerAdmin)).expect(200)).body;
      return body.enabled ? undefined : body;
    });
    expect(disabled.disabledReason).toMatch(/^no event accepted since /);
    const mails = await eventually('the mail to the admin', async () => {
      const rows = await testApp.sql<{ recipient: string; status: string }>(`select recipient, status from mail_delivery where template = 'webhook-disabled' and organization_id = ?`, [partnerId]);
      return rows.length > 0 && rows.every((row) => row.status === 'sent') ? rows : undefined;
    });
    expect(mails.map((mail) => mail.recipient)).toEqual([partnerAdmin.email]);
    expect((await testApp.http.post(api(`${partnerId}/webhooks/${webhook.id}/test`)).set(bearer(partnerAdmin)).expect(409)).body.type).toMatch(/webhook-disabled$/);

    // Events while disabled wait; enabled again, the receiver gets them.
    const member = await addMember(testApp, partnerAdmin, partnerId, 'guest');
    receiver.answerWith(() => ({ status: 200 }));
    const enabled = await testApp.http.patch(api(`${partnerId}/webhooks/${webhook.id}`)).set(bearer(partnerAdmin)).send({ enabled: true }).expect(200);
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    await received(`/${partnerId}`, 'member.added', (request) => request.json.data.userId === member.userId);
  });

  it('fires trial.ending three days ahead once per trial, and lets an API key with the settings scope manage webhooks', async () => {
    const { partnerId, partnerAdmin } = await createTenant(testApp);
    const key = await createApiKey(testApp, partnerAdmin, partnerId, ['read', 'settings']);
    const created = await testApp.http
      .post(api(`${partnerId}/webhooks`))
      .set(keyBearer(key))
      .send({ url: `${receiver.url}/${partnerId}`, events: ['trial.ending', 'trial.ended'], includeCustomers: true })
      .expect(201);
    expect(created.body.createdBy).toBe(key.name);
    const customer = await createCustomer(testApp, partnerAdmin, partnerId);
    await testApp.sql(`update organization set trial_ends_at = now() + interval '2 days' where id = ?`, [customer.id]);

    const trials = testApp.app.get(TrialEvents);
    expect(await trials.fireDue()).toBeGreaterThanOrEqual(1);
    await trials.fireDue();
    const event = await received(`/${partnerId}`, 'trial.ending', (request) => request.json.data.organizationId === customer.id);
    expect(event.json.data.trialEndsAt).toEqual(expect.any(String));
    expect(receiver.of('trial.ending').filter((request) => request.json.data.organizationId === customer.id && request.headers['webhook-id'] !== event.headers['webhook-id'])).toEqual([]);

    const readOnly = await createApiKey(testApp, partnerAdmin, partnerId, ['read']);
    await testApp.http.get(api(`${partnerId}/webhooks`)).set(keyBearer(readOnly)).expect(403);
  });
});
