import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { AccessRow, OrgAccessRepository } from './org-access.repository';
import { CAPABILITIES, Capability, OrgAccess, capabilitiesOf } from './permission-table';
import { MembershipRole } from './roles';

const rank = (role: MembershipRole | null) => (role === MembershipRole.Admin ? 2 : role === MembershipRole.Guest ? 1 : 0);

@Injectable()
export class OrgAccessService {
  constructor(private readonly repository: OrgAccessRepository) {}

  /** What `userId` is in `organizationId`, or null when the organization is invisible to them. One query. */
  async resolve(userId: string, organizationId: OrganizationId): Promise<OrgAccess | null> {
    const row = await this.repository.roles(userId, organizationId);
    if (!row || (!row.direct_role && !row.partner_role)) return null;
    return toOrgAccess(organizationId, row);
  }
}

/**
 * A user can be both a direct member of O and a member of O's partner: the stronger role wins,
 * and counts as via the partner only when the partner membership is the stronger one.
 */
export function effectiveRole(directRole: MembershipRole | null, partnerRole: MembershipRole | null): { role: MembershipRole; viaPartner: boolean } {
  const viaPartner = rank(partnerRole) > rank(directRole);
  return { role: (viaPartner ? partnerRole : directRole) as MembershipRole, viaPartner };
}

export function toOrgAccess(organizationId: OrganizationId, row: AccessRow): OrgAccess {
  const { role, viaPartner } = effectiveRole(row.direct_role, row.partner_role);
  const isBillingOwnerAdmin = row.partner_id ? row.partner_role === MembershipRole.Admin : row.direct_role === MembershipRole.Admin;
  return {
    organizationId,
    organizationKind: row.kind,
    partnerId: row.partner_id,
    role,
    viaPartner,
    isBillingOwnerAdmin,
    mfaRequired: row.mfa_required ?? false,
    callerHasMfa: row.caller_has_mfa ?? false,
  };
}

/**
 * What an API key of organization K is in organization O (O is K, or K is O's partner): what an
 * admin of K is there, narrowed to the key's scopes. So a partner's key reaches its customer
 * organizations as a partner admin would, and any other key its own organization only.
 */
export function apiKeyAccess(
  organizationId: OrganizationId,
  keyOrganizationId: string,
  organization: Pick<AccessRow, 'kind' | 'partner_id'>,
  scopes?: readonly Capability[],
): OrgAccess {
  const ownOrganization = organizationId === keyOrganizationId;
  const access = toOrgAccess(organizationId, {
    ...organization,
    direct_role: ownOrganization ? MembershipRole.Admin : null,
    partner_role: ownOrganization ? null : MembershipRole.Admin,
  });
  return scopes ? { ...access, scopes } : access;
}

/**
 * The scopes a new key of the creator's organization may carry: what a key of it can use at all
 * (what an admin of it can do there) that the creator can do too.
 */
export function grantableScopes(creator: OrgAccess): Capability[] {
  const ofKey = capabilitiesOf(apiKeyAccess(creator.organizationId, creator.organizationId, { kind: creator.organizationKind, partner_id: creator.partnerId }));
  const ofCreator = capabilitiesOf(creator);
  return CAPABILITIES.filter((capability) => ofKey[capability] && ofCreator[capability]);
}
