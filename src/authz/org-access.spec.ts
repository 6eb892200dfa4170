import { asOrganizationId } from '../common/organization-id';
import { toOrgAccess } from './org-access.service';
import { MembershipRole, OrganizationKind } from './roles';

const customer = (direct: MembershipRole | null, viaPartner: MembershipRole | null) =>
  toOrgAccess(asOrganizationId('org'), { kind: OrganizationKind.Customer, partner_id: asOrganizationId('partner'), direct_role: direct, partner_role: viaPartner });

describe('toOrgAccess', () => {
  it('gives partner members their partner role via the partner', () => {
    expect(customer(null, MembershipRole.Admin)).toMatchObject({ role: 'admin', viaPartner: true, isBillingOwnerAdmin: true });
    expect(customer(null, MembershipRole.Guest)).toMatchObject({ role: 'guest', viaPartner: true, isBillingOwnerAdmin: false });
  });

  it('never makes a customer admin the billing owner of a linked org', () => {
    expect(customer(MembershipRole.Admin, null)).toMatchObject({ role: 'admin', viaPartner: false, isBillingOwnerAdmin: false });
  });

  it('takes the stronger role when the user is both a direct and a partner member', () => {
    expect(customer(MembershipRole.Guest, MembershipRole.Admin)).toMatchObject({ role: 'admin', viaPartner: true });
    expect(customer(MembershipRole.Admin, MembershipRole.Guest)).toMatchObject({ role: 'admin', viaPartner: false });
  });

  it('makes the admin of an unlinked org its billing owner', () => {
    const access = toOrgAccess(asOrganizationId('org'), { kind: OrganizationKind.Standalone, partner_id: null, direct_role: MembershipRole.Admin, partner_role: null });
    expect(access.isBillingOwnerAdmin).toBe(true);
  });
});
