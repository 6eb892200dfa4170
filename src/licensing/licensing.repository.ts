import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { rawQuery } from '../database/raw-query';
import { OrganizationId } from '../common/organization-id';
import { OrganizationRepository } from '../tenancy/organization.repository';
import { LicenseInputs, licenseSql } from './license-limit';

/**
 * The licence inputs, read where their owners keep them: the trial on the
 * organization (tenancy), the active subscription's plan and addons (billing)
 * and the hosts (platform). Licensing only reads them; the owners write them.
 */
@Injectable()
export class LicensingRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly organizations: OrganizationRepository,
  ) {}

  /**
   * Null when the organization does not exist. With `lock`, its row stays locked until the
   * caller's transaction ends: that serializes orders, addon changes and new hosts of one organization.
   */
  async inputs(organizationId: OrganizationId, { lock }: { lock: boolean }): Promise<LicenseInputs | null> {
    const organization = await this.organizations.read(organizationId, { lock });
    if (!organization) return null;
    return {
      trialEndsAt: organization.trialEndsAt,
      trialLicenses: organization.trialLicenses,
      subscriptionLicenses: await this.subscriptionLicenses(organizationId),
    };
  }

  /** The licence sum: the active subscription's plan plus its current addons; undefined without one. */
  private async subscriptionLicenses(organizationId: OrganizationId): Promise<number | undefined> {
    const [row] = await rawQuery<{ licenses: number }>(
      this.em,
      `select p.licenses + coalesce((select sum(a.licenses) from subscription_addon sa join addon a on a.code = sa.addon_code
                                      where sa.subscription_id = s.id and sa.removed_at is null), 0) as licenses
         from subscription s join plan p on p.code = s.plan_code
        where s.organization_id = :organizationId and s.status = 'active'`,
      { organizationId },
    );
    return row ? Number(row.licenses) : undefined;
  }

  /** One licence per host. Its own statement: after a lock, READ COMMITTED sees what the previous holder committed. */
  async hostsInUse(organizationId: OrganizationId): Promise<number> {
    const [{ count }] = await rawQuery<{ count: string }>(this.em, 'select count(*) from host where organization_id = :organizationId', { organizationId });
    return Number(count);
  }

  /**
   * Records today's (`day`, UTC) licences of every organization in one statement; run again the
   * same day it keeps the highest limit and hosts seen. Returns how many organizations it recorded.
   */
  async recordUsage(day: string, now: Date): Promise<number> {
    const licence = licenseSql({ subscriptionLicenses: 's.licenses', trialLicenses: 'o.trial_licenses', trialEndsAt: 'o.trial_ends_at', now: 'cast(:now as timestamptz)' });
    const rows = await rawQuery<{ organization_id: string }>(
      this.em.fork(),
      `insert into license_usage_snapshot (organization_id, day, licenses_limit, licenses_used, source, recorded_at)
       select o.id, cast(:day as date), ${licence.limit}, hosts.count, cast(${licence.source} as license_source), :now
         from organization o
         left join lateral (
           select p.licenses + coalesce((select sum(a.licenses) from subscription_addon sa join addon a on a.code = sa.addon_code
                                          where sa.subscription_id = s.id and sa.removed_at is null), 0) as licenses
             from subscription s join plan p on p.code = s.plan_code
            where s.organization_id = o.id and s.status = 'active'
         ) s on true
         left join lateral (select count(*)::int as count from host h where h.organization_id = o.id) hosts on true
        where o.deleted_at is null
       on conflict (organization_id, day) do update
         set licenses_limit = greatest(license_usage_snapshot.licenses_limit, excluded.licenses_limit),
             licenses_used = greatest(license_usage_snapshot.licenses_used, excluded.licenses_used),
             source = excluded.source,
             recorded_at = excluded.recorded_at
       returning organization_id`,
      { day, now },
    );
    return rows.length;
  }
}
