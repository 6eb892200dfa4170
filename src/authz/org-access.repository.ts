import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { preparedQuery } from '../database/raw-query';
import { MembershipRole, OrganizationKind } from './roles';

/** A live organization's kind and partner, with the user's memberships in it and in its partner. */
export interface AccessRow {
  kind: OrganizationKind;
  partner_id: OrganizationId | null;
  direct_role: MembershipRole | null;
  partner_role: MembershipRole | null;
  /** The organization, or its partner for a linked customer organization, requires 2FA. */
  mfa_required?: boolean;
  /** The caller has 2FA on. */
  caller_has_mfa?: boolean;
}

const ACCESS_SQL = `
  select o.kind, o.partner_id, direct.role as direct_role, via.role as partner_role,
         (o.require_mfa or coalesce(partner.require_mfa, false)) as mfa_required,
         (select u.mfa_enabled_at is not null from app_user u where u.id = :userId) as caller_has_mfa
    from organization o
    left join organization partner on o.kind = 'customer' and partner.id = o.partner_id
    left join membership direct on direct.organization_id = o.id and direct.user_id = :userId
    left join membership via on o.partner_id is not null and via.organization_id = o.partner_id and via.user_id = :userId
   where o.id = :organizationId and o.deleted_at is null`;

/** The query every organization-scoped request runs first: a prepared statement, one round trip. */
@Injectable()
export class OrgAccessRepository {
  constructor(private readonly em: EntityManager) {}

  /** Null when the organization does not exist (or is deleted). */
  async roles(userId: string, organizationId: OrganizationId): Promise<AccessRow | null> {
    const [row] = await preparedQuery<AccessRow>(this.em, ACCESS_SQL, { userId, organizationId });
    return row ?? null;
  }
}
