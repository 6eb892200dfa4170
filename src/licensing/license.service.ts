import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { notFound } from '../common/domain-error';
import { LicenseInputs, LicenseLimit, LicenseUsage, licenseLimit } from './license-limit';
import { LicensingRepository } from './licensing.repository';
import { requireTransaction } from '../database/transaction';
import { LicensingErrors } from './licensing.errors';

/** How many hosts an organization may have and has; the checks that keep the first above the second. */
@Injectable()
export class LicenseService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: LicensingRepository,
  ) {}

  /** What the limit is computed from (trial, subscription licences); 404 when the organization does not exist. */
  inputs(organizationId: OrganizationId): Promise<LicenseInputs> {
    return this.loadInputs(organizationId, false);
  }

  async limit(organizationId: OrganizationId, now = new Date()): Promise<LicenseLimit> {
    return licenseLimit(await this.inputs(organizationId), now);
  }

  async usage(organizationId: OrganizationId, now = new Date()): Promise<LicenseUsage> {
    const limit = await this.limit(organizationId, now);
    return { ...limit, used: await this.repository.hostsInUse(organizationId) };
  }

  /**
   * Refuses with 409 license-limit unless one more host fits. Locks the organization row until
   * the caller's transaction ends, so concurrent requests cannot both take the last licence.
   * Returns the limit and the licences in use once the host is added: equal when it takes the last one.
   */
  async assertHostFits(organizationId: OrganizationId, now = new Date()): Promise<{ limit: number; usedWithHost: number }> {
    const { limit } = licenseLimit(await this.lockInputs(organizationId, 'assertHostFits'), now);
    const used = await this.repository.hostsInUse(organizationId);
    if (used >= limit) {
      throw LicensingErrors.noLicenceLeft(limit, used);
    }
    return { limit, usedWithHost: used + 1 };
  }

  /**
   * Refuses with 409 license-limit when the hosts in use would not fit into the subscription
   * without `licenses` of its licences (`what` names them). Locks the organization row like assertHostFits.
   */
  async assertFitsWithout(organizationId: OrganizationId, licenses: number, what: string): Promise<void> {
    const inputs = await this.lockInputs(organizationId, 'assertFitsWithout');
    const limit = (inputs.subscriptionLicenses ?? 0) - licenses;
    const used = await this.repository.hostsInUse(organizationId);
    if (used > limit) {
      throw LicensingErrors.wouldNotFitWithout(what, limit, used);
    }
  }

  private lockInputs(organizationId: OrganizationId, caller: string): Promise<LicenseInputs> {
    requireTransaction(this.em, caller);
    return this.loadInputs(organizationId, true);
  }

  private async loadInputs(organizationId: OrganizationId, lock: boolean): Promise<LicenseInputs> {
    const inputs = await this.repository.inputs(organizationId, { lock });
    if (!inputs) throw notFound('Organization');
    return inputs;
  }
}
