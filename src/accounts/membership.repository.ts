import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MembershipRole } from '../authz/roles';
import { OrganizationId } from '../common/organization-id';
import { likePattern } from '../common/pagination';
import { rawQuery } from '../database/raw-query';
import { requireTransaction } from '../database/transaction';
import { UserStatus } from './user.entity';

export interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: MembershipRole;
  status: UserStatus;
}

@Injectable()
export class MembershipRepository {
  constructor(private readonly em: EntityManager) {}

  /** Up to limit+1 members by e-mail (for `toPage`), after the (email, user id) of the previous page. */
  members(organizationId: OrganizationId, limit: number, q: string | undefined, after: [email: string, userId: string] | undefined): Promise<MemberRow[]> {
    return rawQuery<MemberRow>(
      this.em,
      `select u.id as user_id, u.email, u.name, m.role, u.status
         from membership m join app_user u on u.id = m.user_id
        where m.organization_id = :organizationId
          and (cast(:pattern as text) is null or u.name ilike cast(:pattern as text) or u.email ilike cast(:pattern as text))
          and (cast(:afterEmail as text) is null or (u.email, u.id) > (cast(:afterEmail as text), cast(:afterId as uuid)))
        order by u.email, u.id
        limit :limit`,
      {
        organizationId,
        pattern: q ? likePattern(q) : null,
        afterEmail: after?.[0] ?? null,
        afterId: after?.[1] ?? null,
        limit: limit + 1,
      },
    );
  }

  /**
   * Locks the organization's admin memberships until the caller's transaction ends: that
   * serializes concurrent demotions, so two requests cannot each remove "the other" admin.
   */
  async lockAdmins(organizationId: OrganizationId): Promise<void> {
    requireTransaction(this.em, 'Locking the admin memberships');
    await rawQuery(this.em, `select id from membership where organization_id = :organizationId and role = 'admin' for update`, { organizationId });
  }
}
