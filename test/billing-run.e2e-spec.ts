import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { BILLING_RUN_CRON, BILLING_RUN_JOB, BILLING_RUN_JOB_ID, scheduleDailyBillingRun } from '../src/billing/subscriptions/billing-run.processor';
import { proratedPriceCents } from '../src/billing/catalog/pricing';
import { BILLING_QUEUE } from '../src/queue/queue-names';
import { TestApp, createTestApp } from './support/test-app';
import { Login, bearer, createCustomer, createPartner, orderSubscription } from './support/fixtures';
import { runCliIn } from './support/cli';
import { eventually } from './support/eventually';
import { RedisProcess, freePort } from './support/redis-process';

const DAY = 24 * 60 * 60 * 1000;

interface SubscriptionRow {
  id: string;
  status: string;
  current_period_start: Date;
  current_period_end: Date;
}

interface InvoiceRow {
  id: string;
  number: string;
  period_start: Date;
  period_end: Date;
  net_cents: number;
}

/**
 * Recurring billing (`billing:run`, also the daily repeatable job) and the
 * subscription changes it bills: addons booked mid-period, cancellation.
 */
describe('billing run', () => {
  let testApp: TestApp;
  let partnerId: string;
  let partnerAdmin: Login;

  const billingRun = async (at: Date) => {
    const { exitCode, result } = await runCliIn(testApp, 'billing:run', '--at', at.toISOString());
    expect(exitCode).toBe(0);
    return result;
  };

  const order = (orgId: string) => orderSubscription(testApp, partnerAdmin, orgId);

  const addAddon = (orgId: string, addonCode: string, key = randomUUID()) =>
    testApp.http.post(`/api/v1/organizations/${orgId}/subscription/addons`).set(bearer(partnerAdmin)).set('Idempotency-Key', key).send({ addonCode });

  // Raw rows carry timestamps as text.
  const subscriptionOf = async (orgId: string): Promise<SubscriptionRow> => {
    const [row] = await testApp.sql<SubscriptionRow>('select id, status, current_period_start, current_period_end from subscription where organization_id = ?', [orgId]);
    return { ...row, current_period_start: new Date(row.current_period_start), current_period_end: new Date(row.current_period_end) };
  };
  const invoicesOf = async (orgId: string): Promise<InvoiceRow[]> =>
    (await testApp.sql<InvoiceRow>('select id, number, period_start, period_end, net_cents from invoice where organization_id = ? order by number', [orgId])).map(
      (row) => ({ ...row, period_start: new Date(row.period_start), period_end: new Date(row.period_end) }),
    );
  const invoiceCount = async () => Number((await testApp.sql<{ count: string }>('select count(*) from invoice'))[0].count);
  const nextNumber = (number: string) => `${number.slice(0, 5)}${String(Number(number.slice(5)) + 1).padStart(6, '0')}`;
  const newCustomer = async () => (await createCustomer(testApp, partnerAdmin, partnerId)).id;

  beforeAll(async () => {
    testApp = await createTestApp();
    const partner = await createPartner(testApp);
    partnerId = partner.organizationId;
    partnerAdmin = partner.admin;
  });
  afterAll(() => testApp.close());

  // Bills whatever earlier tests left due, so each test counts only its own invoices.
  beforeEach(() => billingRun(new Date(Date.now() + 32 * DAY)));

  it('issues one invoice for the next period with the next number, and nothing when run again', async () => {
    const customerId = await newCustomer();
    const ordered = await order(customerId);
    const before = await subscriptionOf(customerId);
    const at = new Date(before.current_period_end.getTime() + DAY);

    expect(await billingRun(at)).toEqual({ invoicesIssued: 1, subscriptionsEnded: 0, errors: 0 });
    const invoices = await invoicesOf(customerId);
    expect(invoices).toHaveLength(2);
    expect(invoices[1].number).toBe(nextNumber(ordered.invoice.number));
    expect(invoices[1].period_start).toEqual(before.current_period_end);
    const after = await subscriptionOf(customerId);
    expect(after).toMatchObject({ status: 'active', current_period_start: before.current_period_end });
    expect(invoices[1].period_end).toEqual(after.current_period_end);
    expect(after.current_period_end.getTime()).toBeGreaterThan(at.getTime());

    const detail = await testApp.http.get(`/api/v1/organizations/${customerId}/invoices/${invoices[1].id}`).set(bearer(partnerAdmin)).expect(200);
    expect(detail.body.lines).toEqual([expect.objectContaining({ code: 'business', quantity: 1, unitPrice: 19900, total: 19900 })]);

    expect(await billingRun(at)).toEqual({ invoicesIssued: 0, subscriptionsEnded: 0, errors: 0 });
    expect(await invoicesOf(customerId)).toHaveLength(2);
  });

  it('numbers all invoices gapless per year', async () => {
    const numbers = (await testApp.sql<{ number: string }>('select number from invoice order by number')).map((row) => row.number);
    const byYear = new Map<string, number[]>();
    numbers.forEach((number) => byYear.set(number.slice(0, 4), [...(byYear.get(number.slice(0, 4)) ?? []), Number(number.slice(5))]));
    for (const sequence of byYear.values()) expect(sequence).toEqual(sequence.map((_, index) => index + 1));
  });

  it('catches up on missed periods, one invoice each', async () => {
    const customerId = await newCustomer();
    await order(customerId);
    const before = await subscriptionOf(customerId);
    // Three period ends have passed (a month is at most 31 days).
    const at = new Date(before.current_period_end.getTime() + 2 * 31 * DAY + DAY);
    const result = await billingRun(at);
    const invoices = await invoicesOf(customerId);
    expect(invoices).toHaveLength(4);
    expect(result.invoicesIssued).toBeGreaterThanOrEqual(3);
    invoices.slice(1).forEach((invoice, index) => expect(invoice.period_start).toEqual(invoices[index].period_end));
    expect(await billingRun(at)).toMatchObject({ invoicesIssued: 0 });
  });

  it('issues one invoice when two runs race (two workers)', async () => {
    const customerId = await newCustomer();
    await order(customerId);
    const at = new Date((await subscriptionOf(customerId)).current_period_end.getTime() + DAY);
    const countBefore = await invoiceCount();

    const [first, second] = await Promise.all([billingRun(at), billingRun(at)]);
    expect(Number(first.invoicesIssued) + Number(second.invoicesIssued)).toBe(1);
    expect(first.errors).toBe(0);
    expect(second.errors).toBe(0);
    expect(await invoiceCount()).toBe(countBefore + 1);
    expect(await invoicesOf(customerId)).toHaveLength(2);
  });

  it('refuses a second invoice for the same subscription and period in the database', async () => {
    const customerId = await newCustomer();
    await order(customerId);
    const [invoice] = await testApp.sql<Record<string, unknown>>('select * from invoice where organization_id = ?', [customerId]);
    await expect(
      testApp.sql(
        `insert into invoice (id, number, organization_id, billing_owner_id, subscription_id, recipient, issued_at, period_start, period_end,
                              net_cents, vat_rate_percent, tax_cents, gross_cents, currency)
         values (?, ?, ?, ?, ?, ?, now(), ?, ?, 0, 19, 0, 0, 'EUR')`,
        [randomUUID(), `dup-${randomUUID()}`, customerId, invoice.billing_owner_id, invoice.subscription_id, JSON.stringify(invoice.recipient), invoice.period_start, invoice.period_end],
      ),
    ).rejects.toThrow(/invoice_subscription_id_period_start_unique/);
  });

  it('bills the rest of a batch when one subscription in it fails, numbers staying gapless', async () => {
    const customers = [await newCustomer(), await newCustomer(), await newCustomer()];
    for (const customerId of customers) await order(customerId);
    const [, failing] = await Promise.all(customers.map(subscriptionOf));
    // Something already occupies the failing subscription's next period (the unique index refuses its invoice).
    const [paid] = await testApp.sql<Record<string, unknown>>('select * from invoice where subscription_id = ?', [failing.id]);
    await testApp.sql(
      `insert into invoice (id, number, organization_id, billing_owner_id, subscription_id, recipient, issued_at, period_start, period_end,
                            net_cents, vat_rate_percent, tax_cents, gross_cents, currency)
       values (?, ?, ?, ?, ?, ?, now(), ?, ?, 0, 19, 0, 0, 'EUR')`,
      [randomUUID(), `blocker-${randomUUID()}`, customers[1], paid.billing_owner_id, failing.id, JSON.stringify(paid.recipient), failing.current_period_end, failing.current_period_end],
    );
    try {
      const at = new Date(failing.current_period_end.getTime() + DAY);
      const result = await billingRun(at);
      expect(result).toMatchObject({ invoicesIssued: 2, errors: 1 });
      const [first, , third] = await Promise.all(customers.map(invoicesOf));
      expect(first).toHaveLength(2);
      expect(third).toHaveLength(2);
      expect(third[1].number).toBe(nextNumber(first[1].number));
      expect((await subscriptionOf(customers[1])).current_period_end).toEqual(failing.current_period_end);
    } finally {
      await testApp.sql(`update subscription set status = 'cancelled', ended_at = now() where id = ?`, [failing.id]);
    }
  });

  it('bills an addon booked mid-period pro-rated on the next invoice, then in full', async () => {
    const customerId = await newCustomer();
    await order(customerId);
    const added = await addAddon(customerId, 'hosts-10').expect(201);
    expect(added.body.subscription).toMatchObject({ status: 'active', licenses: 60, addons: [expect.objectContaining({ code: 'hosts-10' })] });
    const period = await subscriptionOf(customerId);
    // Booked 20 days into the period (moved back in time, as if booked then).
    const bookedAt = new Date(period.current_period_start.getTime() + 20 * DAY);
    await testApp.sql('update subscription_addon set created_at = ? where subscription_id = ?', [bookedAt, period.id]);

    expect(await billingRun(new Date(period.current_period_end.getTime() + DAY))).toMatchObject({ invoicesIssued: 1, errors: 0 });
    const invoices = await invoicesOf(customerId);
    const detail = await testApp.http.get(`/api/v1/organizations/${customerId}/invoices/${invoices[1].id}`).set(bearer(partnerAdmin)).expect(200);
    const prorated = proratedPriceCents(3900, { start: period.current_period_start, end: period.current_period_end }, bookedAt);
    expect(prorated).toBeGreaterThan(0);
    expect(prorated).toBeLessThan(3900);
    expect(detail.body.lines).toEqual([
      expect.objectContaining({ code: 'business', unitPrice: 19900 }),
      expect.objectContaining({ code: 'hosts-10', unitPrice: 3900, description: '10 additional hosts' }),
      expect.objectContaining({ code: 'hosts-10', unitPrice: prorated, total: prorated, description: expect.stringMatching(/pro-rated/) }),
    ]);
    expect(detail.body.net).toBe(19900 + 3900 + prorated);

    // The period after: the addon in full only.
    const next = await subscriptionOf(customerId);
    await billingRun(new Date(next.current_period_end.getTime() + DAY));
    const [, , third] = await invoicesOf(customerId);
    expect(third.net_cents).toBe(19900 + 3900);
  });

  it('ends a cancelled subscription at its period end without an invoice; licences fall back', async () => {
    const customerId = await newCustomer();
    await order(customerId);
    const cancel = () => testApp.http.post(`/api/v1/organizations/${customerId}/subscription/cancel`).set(bearer(partnerAdmin));
    const cancelled = await cancel().expect(200);
    expect(cancelled.body).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, nextInvoiceAt: null, licenses: 50 });
    expect((await cancel().expect(200)).body).toEqual(cancelled.body);

    const period = await subscriptionOf(customerId);
    expect(await billingRun(new Date(period.current_period_end.getTime() - DAY))).toMatchObject({ invoicesIssued: 0, subscriptionsEnded: 0 });
    expect(await billingRun(new Date(period.current_period_end.getTime() + DAY))).toMatchObject({ invoicesIssued: 0, subscriptionsEnded: 1 });
    expect(await subscriptionOf(customerId)).toMatchObject({ status: 'cancelled' });
    expect(await invoicesOf(customerId)).toHaveLength(1);

    // The trial is over by then too: no licences, and no new host.
    await testApp.sql(`update organization set trial_ends_at = now() - interval '1 day' where id = ?`, [customerId]);
    const licenses = await testApp.http.get(`/api/v1/organizations/${customerId}/licenses`).set(bearer(partnerAdmin)).expect(200);
    expect(licenses.body).toMatchObject({ limit: 0, source: 'none' });
    const subscription = await testApp.http.get(`/api/v1/organizations/${customerId}/subscription`).set(bearer(partnerAdmin)).expect(200);
    expect(subscription.body).toMatchObject({ status: 'cancelled', licenses: 0, plan: null });
    await cancel().expect(409);
  });

  it('gives a customer whose trial ended without a subscription no licences', async () => {
    const customerId = await newCustomer();
    await testApp.sql(`update organization set trial_ends_at = now() - interval '1 second' where id = ?`, [customerId]);
    expect(await billingRun(new Date())).toMatchObject({ errors: 0 });
    const licenses = await testApp.http.get(`/api/v1/organizations/${customerId}/licenses`).set(bearer(partnerAdmin)).expect(200);
    expect(licenses.body).toMatchObject({ limit: 0, used: 0, source: 'none' });
    const host = await testApp.http.post(`/api/v1/organizations/${customerId}/hosts`).set(bearer(partnerAdmin)).send({ name: 'late-host' }).expect(409);
    expect(host.body.type).toMatch(/license-limit$/);
  });

  it('refuses an invalid --at with a JSON error and a non-zero exit', async () => {
    for (const at of ['tomorrow', '2026-13-45', '2026-12-01T03:00:00']) {
      const { exitCode, result } = await runCliIn(testApp, 'billing:run', '--at', at);
      expect(exitCode).not.toBe(0);
      expect(result).toEqual({ error: expect.stringMatching(/--at must be an ISO 8601 date/) });
    }
  });

  it('bills addon time booked during the last period of a cancelled subscription on a closing invoice', async () => {
    const customerId = await newCustomer();
    await order(customerId);
    await addAddon(customerId, 'hosts-10').expect(201);
    const period = await subscriptionOf(customerId);
    const bookedAt = new Date(period.current_period_start.getTime() + 20 * DAY);
    await testApp.sql('update subscription_addon set created_at = ? where subscription_id = ?', [bookedAt, period.id]);
    await testApp.http.post(`/api/v1/organizations/${customerId}/subscription/cancel`).set(bearer(partnerAdmin)).expect(200);

    const at = new Date(period.current_period_end.getTime() + DAY);
    expect(await billingRun(at)).toEqual({ invoicesIssued: 1, subscriptionsEnded: 1, errors: 0 });
    const invoices = await invoicesOf(customerId);
    expect(invoices).toHaveLength(2);
    const prorated = proratedPriceCents(3900, { start: period.current_period_start, end: period.current_period_end }, bookedAt);
    expect(invoices[1]).toMatchObject({ period_start: bookedAt, period_end: period.current_period_end, net_cents: prorated });
    expect(await billingRun(at)).toEqual({ invoicesIssued: 0, subscriptionsEnded: 0, errors: 0 });
  });

  // These two bill everything due up to a year ahead, so they come last.
  it('ends a deleted customer organization\'s subscription at once and bills it nothing afterwards', async () => {
    const customerId = await newCustomer();
    await order(customerId);
    await testApp.http.delete(`/api/v1/organizations/${customerId}`).set(bearer(partnerAdmin)).expect(204);
    const ended = await testApp.sql<{ status: string; ended_at: Date | null }>('select status, ended_at from subscription where organization_id = ?', [customerId]);
    expect(ended).toEqual([{ status: 'cancelled', ended_at: expect.anything() }]);
    const issued = await invoicesOf(customerId);

    expect(await billingRun(new Date(Date.now() + 400 * DAY))).toMatchObject({ errors: 0 });
    expect(await invoicesOf(customerId)).toEqual(issued);
  });

  it('never bills an organization marked deleted, even with its subscription still active', async () => {
    const customerId = await newCustomer();
    await order(customerId);
    // As organizations deleted before deletion ended billing were left.
    await testApp.sql('update organization set deleted_at = now() where id = ?', [customerId]);
    expect(await billingRun(new Date(Date.now() + 400 * DAY))).toMatchObject({ errors: 0 });
    expect(await invoicesOf(customerId)).toHaveLength(1);
  });

  it('registers the daily repeatable job once, however often workers register it', async () => {
    const queue = testApp.app.get<Queue>(getQueueToken(BILLING_QUEUE));
    const registered = await eventually(
      'the daily billing run to be registered',
      async () => {
        const jobs = await queue.getRepeatableJobs();
        return jobs.length > 0 ? jobs : undefined;
      },
      5_000,
    );
    expect(registered).toEqual([expect.objectContaining({ name: BILLING_RUN_JOB, id: BILLING_RUN_JOB_ID, cron: BILLING_RUN_CRON })]);
    await scheduleDailyBillingRun(queue);
    await scheduleDailyBillingRun(queue);
    expect(await queue.getRepeatableJobs()).toHaveLength(1);
  });
});

describe('subscription addons and cancellation', () => {
  let testApp: TestApp;
  let partnerId: string;
  let partnerAdmin: Login;

  const base = (orgId: string) => `/api/v1/organizations/${orgId}/subscription`;
  const addAddon = (orgId: string, addonCode: string, key = randomUUID()) =>
    testApp.http.post(`${base(orgId)}/addons`).set(bearer(partnerAdmin)).set('Idempotency-Key', key).send({ addonCode });
  const removeAddon = (orgId: string, addonCode: string) => testApp.http.delete(`${base(orgId)}/addons/${addonCode}`).set(bearer(partnerAdmin));
  const order = (orgId: string, planCode = 'business') => orderSubscription(testApp, partnerAdmin, orgId, { planCode, acceptPaymentObligation: true });
  const licenses = async (orgId: string) =>
    (await testApp.http.get(`/api/v1/organizations/${orgId}/licenses`).set(bearer(partnerAdmin)).expect(200)).body as { limit: number; used: number };

  beforeAll(async () => {
    testApp = await createTestApp();
    const partner = await createPartner(testApp);
    partnerId = partner.organizationId;
    partnerAdmin = partner.admin;
  });
  afterAll(() => testApp.close());

  it('answers 409 no-subscription (404 for removal) without an active subscription', async () => {
    const { id } = await createCustomer(testApp, partnerAdmin, partnerId);
    expect((await addAddon(id, 'hosts-10').expect(409)).body.type).toMatch(/no-subscription$/);
    expect((await testApp.http.post(`${base(id)}/cancel`).set(bearer(partnerAdmin)).expect(409)).body.type).toMatch(/no-subscription$/);
    await removeAddon(id, 'hosts-10').expect(404);
  });

  it('books an addon once per key, counts it at once, refuses it twice, and removes it', async () => {
    const { id } = await createCustomer(testApp, partnerAdmin, partnerId);
    await order(id);
    const key = randomUUID();
    const first = await addAddon(id, 'hosts-10', key).expect(201);
    expect(first.body).toEqual({ subscription: expect.objectContaining({ licenses: 60, addons: [expect.objectContaining({ code: 'hosts-10', licenses: 10 })] }) });
    const replay = await addAddon(id, 'hosts-10', key).expect(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await addAddon(id, 'hosts-10').expect(409)).body.type).toMatch(/addon-already-active$/);
    expect((await licenses(id)).limit).toBe(60);

    await removeAddon(id, 'hosts-10').expect(204);
    expect((await licenses(id)).limit).toBe(50);
    await removeAddon(id, 'hosts-10').expect(404);
    // Booking it again after removal is a new booking.
    await addAddon(id, 'hosts-10').expect(201);
  });

  it.each([
    ['an unknown addon', 'moon', /unknown-addon$/],
    ['an addon billed per another interval', 'hosts-50-yearly', /interval-mismatch$/],
    ['a malformed code', 'Not A Code', /validation-failed$/],
  ])('refuses %s with 400', async (_case, addonCode, type) => {
    const { id } = await createCustomer(testApp, partnerAdmin, partnerId);
    await order(id);
    expect((await addAddon(id, addonCode).expect(400)).body.type).toMatch(type);
  });

  it('refuses to remove an addon whose licences are in use with 409 license-limit', async () => {
    const { id } = await createCustomer(testApp, partnerAdmin, partnerId);
    await order(id, 'starter');
    await addAddon(id, 'hosts-10').expect(201);
    for (let index = 0; index < 11; index += 1) {
      await testApp.http.post(`/api/v1/organizations/${id}/hosts`).set(bearer(partnerAdmin)).send({ name: `host-${index}` }).expect(201);
    }
    const refused = await removeAddon(id, 'hosts-10').expect(409);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/license-limit$/), limit: 10, used: 11 });
    expect((await licenses(id)).limit).toBe(20);
  });

  it('records addon changes and cancellation in the audit log', async () => {
    const { id } = await createCustomer(testApp, partnerAdmin, partnerId);
    await order(id);
    const key = randomUUID();
    await addAddon(id, 'pentest', key).expect(201);
    await addAddon(id, 'pentest', key).expect(201);
    await removeAddon(id, 'pentest').expect(204);
    await testApp.http.post(`${base(id)}/cancel`).set(bearer(partnerAdmin)).expect(200);
    const log = await testApp.http.get(`/api/v1/organizations/${id}/audit-log`).set(bearer(partnerAdmin)).expect(200);
    const actions = (log.body.items as { action: string }[]).map((item) => item.action);
    expect(actions.filter((action) => action.startsWith('subscription.'))).toEqual([
      'subscription.cancel',
      'subscription.addon-remove',
      'subscription.addon-add',
      'subscription.order',
    ]);
  });
});

describe('daily billing run schedule without Redis', () => {
  let testApp: TestApp | undefined;
  let redis: RedisProcess | undefined;

  afterAll(async () => {
    await testApp?.close();
    await redis?.stop();
  });

  it('starts while Redis is down and registers the job once Redis is up', async () => {
    redis = new RedisProcess(await freePort());
    const started = Date.now();
    testApp = await createTestApp({ REDIS_URL: redis.url });
    expect(Date.now() - started).toBeLessThan(10_000);
    await testApp.http.get('/api/v1/me').expect(401);

    await redis.start();
    const queue = testApp.app.get<Queue>(getQueueToken(BILLING_QUEUE));
    // The queue's connection may still be reconnecting right after the restart; ask again until it answers.
    const jobs = await eventually(
      'the daily billing run to be registered',
      async () => {
        const registered = await queue.getRepeatableJobs().catch(() => []);
        return registered.length > 0 ? registered : undefined;
      },
      20_000,
    );
    expect(jobs).toEqual([expect.objectContaining({ id: BILLING_RUN_JOB_ID, cron: BILLING_RUN_CRON })]);
  });
});
