import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { preparedQuery } from '../database/raw-query';
import { OrgAccess } from './permission-table';
import { MembershipRole, OrganizationKind } from './roles';

interface AccessRow {
  kind: OrganizationKind;
  partner_id: string | null;
  direct_role: MembershipRole | null;
  partner_role: MembershipRole | null;
}

const ACCESS_SQL = `
  select o.kind, o.partner_id, direct.role as direct_role, via.role as partner_role
    from organization o
    left join membership direct on direct.organization_id = o.id and direct.user_id = :userId
    left join membership via on o.partner_id is not null and via.organization_id = o.partner_id and via.user_id = :userId
   where o.id = :organizationId and o.deleted_at is null`;

const rank = (role: MembershipRole | null) => (role === MembershipRole.Admin ? 2 : role === MembershipRole.Guest ? 1 : 0);

@Injectable()
export class OrgAccessService {
  constructor(private readonly em: EntityManager) {}

  /** What `userId` is in `organizationId`, or null when the organization is invisible to them. One query. */
  async resolve(userId: string, organizationId: string): Promise<OrgAccess | null> {
    const [row] = await preparedQuery<AccessRow>(this.em, ACCESS_SQL, { userId, organizationId });
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

export function toOrgAccess(organizationId: string, row: AccessRow): OrgAccess {
  const { role, viaPartner } = effectiveRole(row.direct_role, row.partner_role);
  const isBillingOwnerAdmin = row.partner_id ? row.partner_role === MembershipRole.Admin : row.direct_role === MembershipRole.Admin;
  return { organizationId, organizationKind: row.kind, partnerId: row.partner_id, role, viaPartner, isBillingOwnerAdmin };
}
