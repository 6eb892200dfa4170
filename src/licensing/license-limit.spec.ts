import { asOrganizationId } from '../common/organization-id';
import { licenseLimit } from './license-limit';
import { LicenseService } from './license.service';

const NOW = new Date('2026-11-27T12:00:00Z');
const IN_A_WEEK = new Date('2026-12-04T12:00:00Z');
const YESTERDAY = new Date('2026-11-26T12:00:00Z');

describe('licenseLimit', () => {
  it.each([
    [
      'a running trial gives its licences',
      { trialEndsAt: IN_A_WEEK, trialLicenses: 2 },
      { limit: 2, source: 'trial', trialEndsAt: IN_A_WEEK },
    ],
    [
      'an ended trial gives none and still names its end',
      { trialEndsAt: YESTERDAY, trialLicenses: 2 },
      { limit: 0, source: 'none', trialEndsAt: YESTERDAY },
    ],
    ['the trial ends exactly at trialEndsAt', { trialEndsAt: NOW, trialLicenses: 2 }, { limit: 0, source: 'none', trialEndsAt: NOW }],
    ['a trial without licences is no trial', { trialEndsAt: IN_A_WEEK, trialLicenses: 0 }, { limit: 0, source: 'none', trialEndsAt: null }],
    [
      'a subscription replaces a running trial',
      { trialEndsAt: IN_A_WEEK, trialLicenses: 2, subscriptionLicenses: 25 },
      { limit: 25, source: 'subscription', trialEndsAt: null },
    ],
    [
      'a subscription applies after the trial',
      { trialEndsAt: YESTERDAY, trialLicenses: 2, subscriptionLicenses: 10 },
      { limit: 10, source: 'subscription', trialEndsAt: null },
    ],
  ])('%s', (_name, inputs, expected) => {
    expect(licenseLimit(inputs, NOW)).toEqual(expected);
  });
});

describe('LicenseService.assertHostFits', () => {
  it('refuses to run outside a transaction, where the organization lock would not hold', async () => {
    const em = { isInTransaction: () => false };
    const service = new LicenseService(em as never, {} as never);
    await expect(service.assertHostFits(asOrganizationId('00000000-0000-4000-8000-000000000000'))).rejects.toThrow(/inside the transaction/);
  });
});
