import { parse } from 'csv-parse/sync';
import { LicenseUsageSnapshots } from '../src/licensing/license-usage-snapshots';
import { Login, addMember, bearer, createCustomer, createPartner, orderSubscription } from './support/fixtures';
import { TestApp, createTestApp } from './support/test-app';

describe('partner operation center: monthly usage', () => {
  let testApp: TestApp;
  let partnerId: string;
  let admin: Login;
  let subscribed: { id: string };
  let trial: { id: string };

  const usage = (as: Login, month: string, extra: Record<string, string | number> = {}) =>
    testApp.http.get(`/api/v1/organizations/${partnerId}/usage`).set(bearer(as)).query({ month, ...extra });

  beforeAll(async () => {
    testApp = await createTestApp();
    const partner = await createPartner(testApp, 'Usage Partner');
    partnerId = partner.organizationId;
    admin = partner.admin;
    subscribed = await createCustomer(testApp, admin, partnerId, 'Alpha');
    trial = await createCustomer(testApp, admin, partnerId, 'Beta');
    await testApp.sql(`update organization set created_at = '2026-10-15T00:00:00Z' where id in (?, ?)`, [subscribed.id, trial.id]);
    await orderSubscription(testApp, admin, subscribed.id, { planCode: 'business', acceptPaymentObligation: true });
    for (const name of ['a', 'b']) await testApp.http.post(`/api/v1/organizations/${subscribed.id}/hosts`).set(bearer(admin)).send({ name }).expect(201);
    await testApp.http.post(`/api/v1/organizations/${trial.id}/hosts`).set(bearer(admin)).send({ name: 'c' }).expect(201);
  });
  afterAll(() => testApp.close());

  it('records every organization’s licences once a day, idempotently, keeping the day’s highest figures', async () => {
    const snapshots = testApp.app.get(LicenseUsageSnapshots);
    const day = new Date('2026-11-03T08:00:00Z');
    await snapshots.record(day);
    await testApp.http.post(`/api/v1/organizations/${subscribed.id}/hosts`).set(bearer(admin)).send({ name: 'd' }).expect(201);
    await snapshots.record(new Date('2026-11-03T20:00:00Z'));
    await testApp.sql(`delete from host where organization_id = ? and name = 'd'`, [subscribed.id]);
    await snapshots.record(new Date('2026-11-03T22:00:00Z'));
    const rows = await testApp.sql<{ licenses_limit: number; licenses_used: number; source: string }>(
      // That day's only: the workers of the test app record today's too.
      `select licenses_limit, licenses_used, source from license_usage_snapshot where organization_id = ? and day = '2026-11-03'`,
      [subscribed.id],
    );
    expect(rows).toEqual([{ licenses_limit: 50, licenses_used: 3, source: 'subscription' }]);
  });

  it('sums a month per customer: licence-days and peaks, as JSON pages and as CSV', async () => {
    const snapshots = testApp.app.get(LicenseUsageSnapshots);
    await snapshots.record(new Date('2026-11-04T08:00:00Z'));
    await snapshots.record(new Date('2026-12-01T08:00:00Z')); // another month

    const page = (await usage(admin, '2026-11').expect(200)).body;
    expect(page).toEqual({
      month: '2026-11',
      items: [
        { organizationId: subscribed.id, name: 'Alpha', deleted: false, daysRecorded: 2, licenseDays: 100, peakLicenses: 50, usedLicenseDays: 5, peakUsedLicenses: 3 },
        // Its trial (2 licences, ending 14 days after it was really created) ran on both days.
        { organizationId: trial.id, name: 'Beta', deleted: false, daysRecorded: 2, licenseDays: 4, peakLicenses: 2, usedLicenseDays: 2, peakUsedLicenses: 1 },
      ],
      nextCursor: null,
    });
    const first = (await usage(admin, '2026-11', { limit: 1 }).expect(200)).body;
    expect(first.items.map((item: { name: string }) => item.name)).toEqual(['Alpha']);
    const second = (await usage(admin, '2026-11', { limit: 1, cursor: first.nextCursor }).expect(200)).body;
    expect(second.items.map((item: { name: string }) => item.name)).toEqual(['Beta']);

    const csv = parse((await usage(admin, '2026-11').set('Accept', 'text/csv').expect(200).expect('content-type', /^text\/csv/)).text, { columns: true });
    expect(csv[0]).toEqual({ organizationId: subscribed.id, name: 'Alpha', deleted: 'false', daysRecorded: '2', licenseDays: '100', peakLicenses: '50', usedLicenseDays: '5', peakUsedLicenses: '3' });
  });

  it('is for partner admins, with a month', async () => {
    const guest = await addMember(testApp, admin, partnerId, 'guest');
    await usage(guest, '2026-11').expect(403);
    const invalid = await testApp.http.get(`/api/v1/organizations/${partnerId}/usage`).set(bearer(admin)).query({ month: '2026-13' }).expect(400);
    expect(invalid.body.errors).toEqual([{ field: 'month', message: 'month must be YYYY-MM' }]);
    await testApp.http.get(`/api/v1/organizations/${partnerId}/usage`).set(bearer(admin)).expect(400);
  });
});
