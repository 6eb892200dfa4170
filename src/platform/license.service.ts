import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '../common/problem';
import { rawQuery } from '../database/raw-query';
import { SubscriptionService } from '../billing/subscription.service';
import { LicenseInputs, LicenseUsage, licenseLimit } from './license-limit';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';
import { countHosts } from './host-count';

interface OrganizationLicenseRow {
  trial_ends_at: string;
  trial_licenses: number;
}

@Injectable()
export class LicenseService {
  constructor(
    private readonly em: EntityManager,
    private readonly subscriptions: SubscriptionService,
  ) {}

  async usage(organizationId: string, now = new Date()): Promise<LicenseUsage> {
    const inputs = await this.loadInputs(organizationId, { lock: false });
    return { ...licenseLimit(inputs, now), used: await countHosts(this.em, organizationId) };
  }

  /**
   * Refuses with 409 license-limit unless one more host fits. Locks the
   * organization row until the caller's transaction ends, so concurrent
   * requests cannot both take the last licence.
   */
  async assertHostFits(organizationId: string, now = new Date()): Promise<void> {
    if (!this.em.isInTransaction()) throw new Error('assertHostFits must run inside the transaction that adds the host');
    const inputs = await this.loadInputs(organizationId, { lock: true });
    // Counted in a statement of its own, after the lock is granted: in READ COMMITTED
    // a new statement sees the hosts committed by whoever held the lock before us.
    const used = await countHosts(this.em, organizationId);
    const { limit } = licenseLimit(inputs, now);
    if (used >= limit) {
      throw conflict(
        'license-limit',
        limit === 0
          ? 'This organization has no licences (the trial has ended and there is no subscription).'
          : `All ${limit} licences are in use; remove a host or book more licences.`,
        { limit, used },
      );
    }
  }

  private async loadInputs(organizationId: string, { lock }: { lock: boolean }): Promise<LicenseInputs> {
    const [row] = await rawQuery<OrganizationLicenseRow>(
      this.em,
      `select to_char(trial_ends_at at time zone 'UTC', :isoFormat) as trial_ends_at, trial_licenses
         from organization
        where id = :organizationId and deleted_at is null${lock ? ' for update' : ''}`,
      { organizationId, isoFormat: ISO_MILLISECONDS },
    );
    if (!row) throw notFound('Organization');
    return {
      trialEndsAt: new Date(row.trial_ends_at),
      trialLicenses: row.trial_licenses,
      subscriptionLicenses: await this.subscriptions.activeLicenses(organizationId),
    };
  }
}
