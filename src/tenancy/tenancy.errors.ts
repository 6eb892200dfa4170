import { badRequest, conflict, forbidden } from '../common/domain-error';

/** What tenancy refuses, each with its problem type. */
export const TenancyErrors = {
  enrolMfaFirst: () =>
    conflict('mfa-not-enabled', 'Turn on two-factor authentication for yourself first (POST /api/v1/me/mfa/totp): requiring it would lock you out.'),
  notAPartner: () =>
    badRequest('not-a-partner', 'partnerId must name a partner organization.', [{ field: 'partnerId', message: 'partnerId must name a partner organization' }]),
  onlyPartnerAdminsCreateCustomers: () => forbidden('Only admins of the partner organization may create linked customer organizations.'),
  hasCustomers: (customers: number) => conflict('has-customers', 'Delete or hand over the linked customer organizations first.', { customers }),
  alreadyPartner: (name: string) => conflict('already-partner', `${name} is a partner already.`),
  linkedCustomerCannotBePartner: (name: string) =>
    conflict('linked-customer', `${name} is a customer organization of a partner and cannot become a partner itself.`),
};
