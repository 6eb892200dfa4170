import { LicenseInputs, licenseLimit, licenseSql } from '../src/licensing/license-limit';
import { TestApp, createTestApp } from './support/test-app';

/** licenseSql is licenseLimit for SQL: both must agree on every case, or lists filter by another rule than hosts are refused by. */
describe('the licence rule in SQL', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({}, { workers: false });
  });
  afterAll(() => testApp.close());

  const now = new Date('2026-12-06T12:00:00.000Z');
  const cases: LicenseInputs[] = [
    { trialEndsAt: new Date('2026-12-10T00:00:00Z'), trialLicenses: 5 },
    { trialEndsAt: new Date('2026-12-10T00:00:00Z'), trialLicenses: 5, subscriptionLicenses: 25 },
    { trialEndsAt: new Date('2026-12-10T00:00:00Z'), trialLicenses: 5, subscriptionLicenses: 0 },
    { trialEndsAt: new Date('2026-12-06T12:00:00.000Z'), trialLicenses: 5 },
    { trialEndsAt: new Date('2026-12-06T12:00:00.001Z'), trialLicenses: 5 },
    { trialEndsAt: new Date('2026-12-01T00:00:00Z'), trialLicenses: 5 },
    { trialEndsAt: new Date('2026-12-10T00:00:00Z'), trialLicenses: 0 },
    { trialEndsAt: new Date('2026-12-01T00:00:00Z'), trialLicenses: 0, subscriptionLicenses: 10 },
  ];

  it.each(cases.map((inputs, index) => [index, inputs] as const))('case %i agrees with licenseLimit', async (_index, inputs) => {
    const sql = licenseSql({ subscriptionLicenses: 'i.subscription_licenses', trialLicenses: 'i.trial_licenses', trialEndsAt: 'i.trial_ends_at', now: 'i.now' });
    const [row] = await testApp.sql<{ limit: number; source: string }>(
      `with i (subscription_licenses, trial_licenses, trial_ends_at, now) as (
         values (cast(? as int), cast(? as int), cast(? as timestamptz), cast(? as timestamptz)))
       select ${sql.limit} as "limit", ${sql.source} as source from i`,
      [
      inputs.subscriptionLicenses ?? null,
      inputs.trialLicenses,
      inputs.trialEndsAt.toISOString(),
      now.toISOString(),
      ],
    );
    const expected = licenseLimit(inputs, now);
    expect({ limit: Number(row.limit), source: row.source }).toEqual({ limit: expected.limit, source: expected.source });
  });
});
