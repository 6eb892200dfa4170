import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { decodeCursor } from '../common/pagination';
import { rawQuery } from '../database/raw-query';

export interface UsageRow {
  id: string;
  name: string;
  deleted: boolean;
  days_recorded: number;
  license_days: number;
  peak_licenses: number;
  used_license_days: number;
  peak_used_licenses: number;
}

/** A month's licence usage of a partner's customers, summed from the daily snapshots (one query per page). */
@Injectable()
export class UsageRepository {
  constructor(private readonly em: EntityManager) {}

  /** By name; `limit` rows (limit+1 for a page) or all of them. Customers deleted during the month count for their days. */
  month(partnerId: OrganizationId, start: string, end: string, limit?: number, cursor?: string): Promise<UsageRow[]> {
    const after = decodeCursor<[string, string]>(cursor, ['string', 'uuid']);
    return rawQuery<UsageRow>(
      this.em,
      `select o.id, o.name, o.deleted_at is not null as deleted,
              count(u.day)::int as days_recorded,
              coalesce(sum(u.licenses_limit), 0)::int as license_days,
              coalesce(max(u.licenses_limit), 0)::int as peak_licenses,
              coalesce(sum(u.licenses_used), 0)::int as used_license_days,
              coalesce(max(u.licenses_used), 0)::int as peak_used_licenses
         from organization o
         left join license_usage_snapshot u on u.organization_id = o.id and u.day >= cast(:start as date) and u.day < cast(:end as date)
        where o.partner_id = :partnerId and o.kind = 'customer'
          and (o.deleted_at is null or o.deleted_at >= cast(:start as date))
          and o.created_at < cast(:end as date)
          ${after ? 'and (o.name, o.id) > (:afterName, cast(:afterId as uuid))' : ''}
        group by o.id
        order by o.name, o.id
        ${limit === undefined ? '' : 'limit :limit'}`,
      { partnerId, start, end, afterName: after?.[0] ?? null, afterId: after?.[1] ?? null, limit: limit ?? null },
    );
  }
}
