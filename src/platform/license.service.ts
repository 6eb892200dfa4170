import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '../common/problem';
import { rawQuery } from '../database/raw-query';
import { ISO_MILLISECONDS } from './sql-timestamps';

export type LicenseSource = 'trial' | 'subscription' | 'none';

/** What the licence limit of one organization depends on. */
export interface LicenseInputs {
  trialEndsAt: Date;
  trialLicenses: number;
  /** Licences of the active subscription (plan + addons); undefined while there is none. */
  subscriptionLicenses?: number;
}

export interface LicenseLimit {
  limit: number;
  source: LicenseSource;
  /** The trial's end while no subscription applies (also after it ran out), else null. */
  trialEndsAt: Date | null;
}

export interface LicenseUsage extends LicenseLimit {
  used: number;
}

/**
 * The one rule for how many hosts an organization may have: an active
 * subscription's licences, else the trial's while it runs, else none.
 */
export function licenseLimit(inputs: LicenseInputs, now: Date): LicenseLimit {
  if (inputs.subscriptionLicenses !== undefined) {
    return { limit: inputs.subscriptionLicenses, source: 'subscription', trialEndsAt: null };
  }
  const trialEndsAt = inputs.trialLicenses > 0 ? inputs.trialEndsAt : null;
  if (trialEndsAt && now.getTime() < trialEndsAt.getTime()) {
    return { limit: inputs.trialLicenses, source: 'trial', trialEndsAt };
  }
  return { limit: 0, source: 'none', trialEndsAt };
}

interface OrganizationLicenseRow {
  trial_ends_at: string;
  trial_licenses: number;
}

@Injectable()
export class LicenseService {
  constructor(private readonly em: EntityManager) {}

  async usage(organizationId: string, now = new Date()): Promise<LicenseUsage> {
    const inputs = await this.loadInputs(organizationId, { lock: false });
    return { ...licenseLimit(inputs, now), used: await this.countHosts(organizationId) };
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
    const used = await this.countHosts(organizationId);
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

  // Billing adds the active subscription's licences here, so the limit stays computed in one place.
  private async loadInputs(organizationId: string, { lock }: { lock: boolean }): Promise<LicenseInputs> {
    const [row] = await rawQuery<OrganizationLicenseRow>(
      this.em,
      `select to_char(trial_ends_at at time zone 'UTC', :isoFormat) as trial_ends_at, trial_licenses
         from organization
        where id = :organizationId and deleted_at is null${lock ? ' for update' : ''}`,
      { organizationId, isoFormat: ISO_MILLISECONDS },
    );
    if (!row) throw notFound('Organization');
    return { trialEndsAt: new Date(row.trial_ends_at), trialLicenses: row.trial_licenses };
  }

  private async countHosts(organizationId: string): Promise<number> {
    const [{ count }] = await rawQuery<{ count: string }>(this.em, 'select count(*) from host where organization_id = :organizationId', {
      organizationId,
    });
    return Number(count);
  }
}
