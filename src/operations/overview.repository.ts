import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { decodeCursor, likePattern } from '../common/pagination';
import { rawQuery } from '../database/raw-query';
import { ISO_MICROSECONDS } from '../database/sql-timestamps';
import { licenseSql } from '../licensing/license-limit';

export const OVERVIEW_SORTS = ['name', 'licenseUsage', 'trialEndsAt'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];
export const SUBSCRIPTION_STATUS_FILTERS = ['active', 'cancelled', 'expired', 'none'] as const;
export type SubscriptionStatusFilter = (typeof SUBSCRIPTION_STATUS_FILTERS)[number];

export interface OverviewQuery {
  partnerId: OrganizationId;
  now: Date;
  q?: string;
  trialEndingWithinDays?: number;
  minLicenseUsagePercent?: number;
  subscriptionStatus?: SubscriptionStatusFilter;
  sort: OverviewSort;
  /** Rows to return (limit+1 for a page); undefined for all of them (CSV). */
  limit?: number;
  cursor?: string;
}

export interface OverviewRow {
  id: string;
  name: string;
  trial_ends_at: string;
  trial_licenses: number;
  created_at_us: string;
  /** For the trialEndsAt cursor, at the precision PostgreSQL stores. */
  trial_ends_at_us: string;
  subscription_status: 'active' | 'cancelled' | 'expired' | null;
  plan_code: string | null;
  cancel_at_period_end: boolean | null;
  current_period_end: string | null;
  /** The active subscription's licence sum; null without one. */
  subscription_licenses: number | null;
  plan_list_price_cents: number | null;
  /** The active subscription's current addons. */
  addons: { code: string; listPriceCents: number }[];
  hosts: number;
  endpoints: number;
  /** Hosts per licence in basis points (10 000 = full); a billion when hosts exceed no licences at all. */
  usage_bp: number;
}

/** Keyset order of each sort: the sort key, then id, in one direction. */
const ORDER: Record<OverviewSort, { key: string; direction: 'asc' | 'desc'; cursor: 'string' | 'number' | 'timestamp' }> = {
  name: { key: 'c.name', direction: 'asc', cursor: 'string' },
  licenseUsage: { key: 'c.usage_bp', direction: 'desc', cursor: 'number' },
  trialEndsAt: { key: 'c.trial_ends_at', direction: 'asc', cursor: 'timestamp' },
};

const licence = licenseSql({ subscriptionLicenses: 's.licenses', trialLicenses: 'o.trial_licenses', trialEndsAt: 'o.trial_ends_at', now: 'cast(:now as timestamptz)' });

/**
 * The partner operation center's one query per page: every linked customer with its licence
 * inputs, its latest subscription (the active one, else the last), and its host and endpoint
 * counts; filtered and sorted in PostgreSQL (the licence rule as licenseSql), so a page of a
 * partner with 10 000 customers computes the counts of the rows it returns, not of all of them.
 */
@Injectable()
export class OverviewRepository {
  constructor(private readonly em: EntityManager) {}

  find(query: OverviewQuery): Promise<OverviewRow[]> {
    const order = ORDER[query.sort];
    const after = decodeCursor<[string | number, string]>(query.cursor, [order.cursor, 'uuid']);
    const conditions: string[] = [];
    if (query.subscriptionStatus === 'none') conditions.push('c.subscription_status is null');
    else if (query.subscriptionStatus) conditions.push('c.subscription_status = :subscriptionStatus');
    if (query.trialEndingWithinDays !== undefined) {
      conditions.push(`c.license_source = 'trial' and c.trial_ends_at <= cast(:now as timestamptz) + make_interval(days => :trialEndingWithinDays)`);
    }
    if (query.minLicenseUsagePercent !== undefined) conditions.push('c.usage_bp >= :minUsageBp');
    if (after) conditions.push(`(${order.key}, c.id) ${order.direction === 'asc' ? '>' : '<'} (:afterKey, cast(:afterId as uuid))`);
    return rawQuery<OverviewRow>(
      this.em,
      `select c.* from (
         select o.id, o.name, o.trial_ends_at, o.trial_licenses,
                to_char(o.created_at at time zone 'UTC', :microseconds) as created_at_us,
                to_char(o.trial_ends_at at time zone 'UTC', :microseconds) as trial_ends_at_us,
                s.status as subscription_status, s.plan_code, s.cancel_at_period_end, s.current_period_end,
                s.licenses as subscription_licenses, s.plan_list_price_cents, coalesce(s.addons, '[]') as addons,
                hosts.count as hosts, endpoints.count as endpoints,
                ${licence.source} as license_source,
                case when ${licence.limit} = 0 then case when hosts.count > 0 then 1000000000 else 0 end
                     else (hosts.count * 10000) / ${licence.limit} end as usage_bp
           from organization o
           left join lateral (
             select s.status, s.plan_code, s.cancel_at_period_end, s.current_period_end, p.list_price_cents as plan_list_price_cents,
                    case when s.status = 'active' then p.licenses + coalesce(booked.licenses, 0) end as licenses,
                    case when s.status = 'active' then booked.addons end as addons
               from subscription s
               join plan p on p.code = s.plan_code
               left join lateral (
                 select sum(a.licenses)::int as licenses, jsonb_agg(jsonb_build_object('code', a.code, 'listPriceCents', a.list_price_cents)) as addons
                   from subscription_addon sa join addon a on a.code = sa.addon_code
                  where sa.subscription_id = s.id and sa.removed_at is null
               ) booked on true
              where s.organization_id = o.id
              order by s.status = 'active' desc, s.created_at desc
              limit 1
           ) s on true
           left join lateral (select count(*)::int as count from host h where h.organization_id = o.id) hosts on true
           left join lateral (select count(*)::int as count from endpoint e where e.organization_id = o.id) endpoints on true
          where o.partner_id = :partnerId and o.kind = 'customer' and o.deleted_at is null
            ${query.q ? 'and o.name ilike :pattern' : ''}
       ) c
       ${conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''}
       order by ${order.key} ${order.direction}, c.id ${order.direction}
       ${query.limit === undefined ? '' : 'limit :limit'}`,
      {
        partnerId: query.partnerId,
        now: query.now,
        microseconds: ISO_MICROSECONDS,
        pattern: query.q ? likePattern(query.q) : null,
        subscriptionStatus: query.subscriptionStatus ?? null,
        trialEndingWithinDays: query.trialEndingWithinDays ?? null,
        minUsageBp: query.minLicenseUsagePercent === undefined ? null : Math.round(query.minLicenseUsagePercent * 100),
        afterKey: after?.[0] ?? null,
        afterId: after?.[1] ?? null,
        limit: query.limit ?? null,
      },
    );
  }

  /** The sort key of a row, as its cursor names it. */
  static cursorKey(sort: OverviewSort, row: OverviewRow): [string | number, string] {
    if (sort === 'licenseUsage') return [row.usage_bp, row.id];
    if (sort === 'trialEndsAt') return [row.trial_ends_at_us, row.id];
    return [row.name, row.id];
  }
}
