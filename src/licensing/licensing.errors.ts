import { conflict } from '../common/domain-error';

/** 409 license-limit, with the limit and the hosts in use. */
export const LicensingErrors = {
  noLicenceLeft: (limit: number, used: number) =>
    conflict(
      'license-limit',
      limit === 0
        ? 'This organization has no licences (the trial has ended and there is no subscription).'
        : `All ${limit} licences are in use; remove a host or book more licences.`,
      { limit, used },
    ),
  wouldNotFitWithout: (what: string, limit: number, used: number) =>
    conflict('license-limit', `Without ${what} this organization would have ${limit} licences but uses ${used}; remove ${used - limit} host(s) first.`, { limit, used }),
};
