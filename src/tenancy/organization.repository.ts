import type { Locale } from '../../libs/i18n';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MembershipRole, OrganizationKind } from '../authz/roles';
import { OrganizationId } from '../common/organization-id';
import { likePattern } from '../common/pagination';
import { preparedQuery, rawQuery } from '../database/raw-query';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';
import { requireTransaction } from '../database/transaction';

/** A live organization's row as the rules that lock it need it. */
export interface OrganizationRow {
  name: string;
  kind: OrganizationKind;
  partnerId: OrganizationId | null;
  trialEndsAt: Date;
  trialLicenses: number;
}

export interface AccessibleRow {
  id: string;
  name: string;
  kind: OrganizationKind;
  partner_id: string | null;
  direct_role: MembershipRole | null;
  partner_role: MembershipRole | null;
  grp: number;
}

/** Where a by-group-and-name page starts: after this (group, name, id), or from the top. */
export type AccessibleCursor = [group: number, name: string, id: string] | undefined;

/** The organization table's SQL beyond what the ORM maps: the row lock, counts and the organization list. */
@Injectable()
export class OrganizationRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Reads a live organization's row; null when it does not exist (or is deleted). With `lock`
   * the row stays locked until the caller's transaction ends: the one lock that serializes an
   * organization's orders, addon changes, new hosts, promotion and deletion.
   */
  async read(organizationId: OrganizationId, { lock }: { lock: boolean }): Promise<OrganizationRow | null> {
    if (lock) requireTransaction(this.em, 'Locking an organization');
    const [row] = await rawQuery<{ name: string; kind: OrganizationKind; partner_id: string | null; trial_ends_at: string; trial_licenses: number }>(
      this.em,
      `select name, kind, partner_id, to_char(trial_ends_at at time zone 'UTC', :isoFormat) as trial_ends_at, trial_licenses
         from organization
        where id = :organizationId and deleted_at is null${lock ? ' for update' : ''}`,
      { organizationId, isoFormat: ISO_MILLISECONDS },
    );
    if (!row) return null;
    return {
      name: row.name,
      kind: row.kind,
      partnerId: row.partner_id as OrganizationId | null,
      trialEndsAt: new Date(row.trial_ends_at),
      trialLicenses: row.trial_licenses,
    };
  }

  /** Locks a live organization's row until the caller's transaction ends; null when it does not exist. */
  lock(organizationId: OrganizationId): Promise<OrganizationRow | null> {
    return this.read(organizationId, { lock: true });
  }

  /** The language of the organization's mails and documents, also once it is deleted (its invoices are still mailed). */
  async localeOf(organizationId: OrganizationId): Promise<Locale | null> {
    const [row] = await preparedQuery<{ locale: Locale }>(this.em, 'select locale from organization where id = :organizationId', { organizationId });
    return row?.locale ?? null;
  }

  async countLiveCustomers(partnerId: OrganizationId): Promise<number> {
    const [{ count }] = await rawQuery<{ count: string }>(
      this.em,
      'select count(*) from organization where partner_id = :partnerId and deleted_at is null',
      { partnerId },
    );
    return Number(count);
  }

  /**
   * Up to limit+1 organizations `userId` reaches: partner and standalone ones first (group 0),
   * then customers (group 1), each by name. Linked customers come from an index scan per partner
   * membership (organization_partner_name_idx), so the first page costs the same with 10 or
   * 10 000 customers.
   */
  accessibleBy(userId: string, limit: number, q: string | undefined, after: AccessibleCursor): Promise<AccessibleRow[]> {
    return preparedQuery<AccessibleRow>(
      this.em,
      `with my as (
         select organization_id, role from membership where user_id = :user
       ),
       direct as (
         select o.id, o.name, o.kind, o.partner_id, m.role as direct_role, via.role as partner_role,
                case when o.kind = 'customer' then 1 else 0 end as grp
           from my m
           join organization o on o.id = m.organization_id and o.deleted_at is null
           left join my via on via.organization_id = o.partner_id
       ),
       linked as (
         select c.id, c.name, c.kind, c.partner_id, null::membership_role as direct_role, p.role as partner_role, 1 as grp
           from my p
           cross join lateral (
             select c.id, c.name, c.kind, c.partner_id
               from organization c
              where c.partner_id = p.organization_id
                and c.deleted_at is null
                and (cast(:pattern as text) is null or c.name ilike cast(:pattern as text))
                and (:afterGroup < 1 or (c.name, c.id) > (cast(:afterName as text), cast(:afterId as uuid)))
                and not exists (select 1 from my d where d.organization_id = c.id)
              order by c.name, c.id
              limit :limit
           ) c
       )
       select * from (select * from direct union all select * from linked) accessible
        where (grp, name, id) > (:afterGroup, cast(:afterName as text), cast(:afterId as uuid))
          and (cast(:pattern as text) is null or name ilike cast(:pattern as text))
        order by grp, name, id
        limit :limit`,
      {
        user: userId,
        pattern: q ? likePattern(q) : null,
        afterGroup: after?.[0] ?? -1,
        afterName: after?.[1] ?? '',
        afterId: after?.[2] ?? '00000000-0000-0000-0000-000000000000',
        limit: limit + 1,
      },
    );
  }
}
