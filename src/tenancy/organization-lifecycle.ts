import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import type { Organization } from './organization.entity';

/** Makes the user who founded a standalone organization its admin; runs inside the creating transaction. */
export type FounderHook = (organization: Organization, founderUserId: string) => void;

/** Removes one module's data of an organization that is being deleted; runs inside the deleting transaction. */
export type OrganizationCleanup = (organizationId: OrganizationId) => Promise<void>;

/**
 * What other modules do when an organization is founded or deleted. They
 * register here, so tenancy creates and deletes organizations without
 * reaching into their tables (accounts' memberships, billing, logos, ...).
 */
@Injectable()
export class OrganizationLifecycle {
  private founderHook?: FounderHook;
  private readonly cleanups = new Map<string, OrganizationCleanup>();

  onFounded(hook: FounderHook): void {
    this.founderHook = hook;
  }

  onDeleted(owner: string, cleanup: OrganizationCleanup): void {
    this.cleanups.set(owner, cleanup);
  }

  founded(organization: Organization, founderUserId: string): void {
    // Without it a standalone organization would have no admin at all.
    if (!this.founderHook) throw new Error('No module makes founders admins of their organization (AccountsModule registers it)');
    this.founderHook(organization, founderUserId);
  }

  async deleted(organizationId: OrganizationId): Promise<void> {
    for (const cleanup of this.cleanups.values()) await cleanup(organizationId);
  }
}
