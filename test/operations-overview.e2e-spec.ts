import { parse } from 'csv-parse/sync';
import { Login, addMember, bearer, createCustomer, createPartner, orderSubscription } from './support/fixtures';
import { TestApp, createTestApp } from './support/test-app';

describe('partner operation center: overview', () => {
  let testApp: TestApp;
  let partnerId: string;
  let admin: Login;
  let guest: Login;
  const customers: Record<'subscribed' | 'trialEnding' | 'trialOver' | 'formula', { id: string; name: string }> = {} as never;

  const overview = (as: Login, query: Record<string, string | number> = {}) =>
    testApp.http.get(`/api/v1/organizations/${partnerId}/overview`).set(bearer(as)).query(query);
  const addHosts = async (orgId: string, count: number) => {
    for (let i = 0; i < count; i++) await testApp.http.post(`/api/v1/organizations/${orgId}/hosts`).set(bearer(admin)).send({ name: `host-${i}` }).expect(201);
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    const partner = await createPartner(testApp, 'Overview Partner');
    partnerId = partner.organizationId;
    admin = partner.admin;
    guest = await addMember(testApp, admin, partnerId, 'guest');
    customers.subscribed = await createCustomer(testApp, admin, partnerId, 'Alpha GmbH');
    customers.trialEnding = await createCustomer(testApp, admin, partnerId, 'Beta AG');
    customers.trialOver = await createCustomer(testApp, admin, partnerId, 'Gamma KG');
    customers.formula = await createCustomer(testApp, admin, partnerId, '=HYPERLINK("http://evil.test")');
    // The partner's conditions price the subscription: 20 % off business (19 900) and hosts-10 (3 900).
    await testApp.sql(
      `insert into partner_agreement (id, partner_id, discount_percent) values (gen_random_uuid(), ?, 20)
       on conflict (partner_id) do update set discount_percent = 20`,
      [partnerId],
    );
    await orderSubscription(testApp, admin, customers.subscribed.id, { planCode: 'business', addonCodes: ['hosts-10'], acceptPaymentObligation: true });
    await addHosts(customers.subscribed.id, 3);
    await addHosts(customers.trialEnding.id, 2); // both trial licences
    await testApp.sql(`update organization set trial_ends_at = now() + interval '2 days' where id = ?`, [customers.trialEnding.id]);
    await testApp.sql(`update organization set trial_ends_at = now() - interval '1 day' where id = ?`, [customers.trialOver.id]);
    const otherPartner = await createPartner(testApp);
    await createCustomer(testApp, otherPartner.admin, otherPartner.organizationId, 'Alpha of another partner');
  });
  afterAll(() => testApp.close());

  it('shows every linked customer with licences, trial, subscription and inventory; prices for partner admins only', async () => {
    const page = (await overview(admin).expect(200)).body;
    expect(page.items.map((item: { name: string }) => item.name)).toEqual(['=HYPERLINK("http://evil.test")', 'Alpha GmbH', 'Beta AG', 'Gamma KG']);
    const [, alpha, beta, gamma] = page.items;
    expect(alpha).toEqual({
      id: customers.subscribed.id,
      name: 'Alpha GmbH',
      licenses: { limit: 60, used: 3, source: 'subscription' },
      trialEndsAt: null,
      subscription: { status: 'active', planCode: 'business', nextInvoiceAt: expect.any(String), netPriceCents: 15920 + 3120 },
      hosts: 3,
      endpoints: 0,
      createdAt: expect.any(String),
    });
    expect(beta).toMatchObject({ licenses: { limit: 2, used: 2, source: 'trial' }, trialEndsAt: expect.any(String), subscription: null });
    expect(gamma).toMatchObject({ licenses: { limit: 0, used: 0, source: 'none' }, subscription: null });

    const asGuest = (await overview(guest).expect(200)).body.items.find((item: { id: string }) => item.id === customers.subscribed.id);
    expect(asGuest.subscription).toEqual({ status: 'active', planCode: 'business', nextInvoiceAt: expect.any(String) });
  });

  it('filters by name, trial end, licence usage and subscription status', async () => {
    const names = async (query: Record<string, string | number>) => (await overview(admin, query).expect(200)).body.items.map((item: { name: string }) => item.name);
    expect(await names({ q: 'alp' })).toEqual(['Alpha GmbH']);
    expect(await names({ trialEndingWithinDays: 3 })).toEqual(['Beta AG']);
    expect(await names({ trialEndingWithinDays: 1 })).toEqual([]);
    expect(await names({ minLicenseUsagePercent: 100 })).toEqual(['Beta AG']);
    expect(await names({ minLicenseUsagePercent: 5, sort: 'licenseUsage' })).toEqual(['Beta AG', 'Alpha GmbH']);
    expect(await names({ subscriptionStatus: 'active' })).toEqual(['Alpha GmbH']);
    expect(await names({ subscriptionStatus: 'none' })).toEqual(['=HYPERLINK("http://evil.test")', 'Beta AG', 'Gamma KG']);
    const invalid = await overview(admin, { sort: 'price', minLicenseUsagePercent: 'lots' }).expect(400);
    expect([...new Set(invalid.body.errors.map((error: { field: string }) => error.field))].sort()).toEqual(['minLicenseUsagePercent', 'sort']);
  });

  it.each(['name', 'licenseUsage', 'trialEndsAt'])('walks every customer once in pages of one, sorted by %s', async (sort) => {
    const all = (await overview(admin, { sort }).expect(200)).body.items.map((item: { id: string }) => item.id);
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await overview(admin, { sort, limit: 1, ...(cursor ? { cursor } : {}) }).expect(200)).body;
      walked.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(4);
  });

  it('answers Accept: text/csv with every row, spreadsheet formulas neutralized, prices for admins only', async () => {
    const response = await overview(admin, { limit: 1 }).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="customers\.csv"/);
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[0].name).toBe(`'=HYPERLINK("http://evil.test")`);
    expect(rows[1]).toMatchObject({ name: 'Alpha GmbH', licensesLimit: '60', licensesUsed: '3', licensesSource: 'subscription', planCode: 'business', netPriceCents: '19040' });
    const guestCsv = parse((await overview(guest).set('Accept', 'text/csv').expect(200)).text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(guestCsv[0])).not.toContain('netPriceCents');
  });

  it('is the partner’s: its customers cannot see it, other kinds have no customers', async () => {
    const customerAdmin = await addMember(testApp, admin, customers.subscribed.id, 'admin');
    await testApp.http.get(`/api/v1/organizations/${partnerId}/overview`).set(bearer(customerAdmin)).expect(404);
    expect((await testApp.http.get(`/api/v1/organizations/${customers.subscribed.id}/overview`).set(bearer(customerAdmin)).expect(200)).body.items).toEqual([]);
  });
});
