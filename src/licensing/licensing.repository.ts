import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { rawQuery } from '../database/raw-query';
import { OrganizationId } from '../common/organization-id';
import { OrganizationRepository } from '../tenancy/organization.repository';
import { LicenseInputs } from './license-limit';

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
}
