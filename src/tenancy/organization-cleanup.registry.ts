import { Injectable } from '@nestjs/common';

/** Removes one module's data of an organization that is being deleted; runs inside the deleting transaction. */
export type OrganizationCleanup = (organizationId: string) => Promise<void>;

/**
 * Modules that keep organization data register how to remove it, so tenancy
 * deletes an organization without reaching into their tables.
 */
@Injectable()
export class OrganizationCleanupRegistry {
  private readonly cleanups = new Map<string, OrganizationCleanup>();

  register(owner: string, cleanup: OrganizationCleanup): void {
    this.cleanups.set(owner, cleanup);
  }

  async runAll(organizationId: string): Promise<void> {
    for (const cleanup of this.cleanups.values()) await cleanup(organizationId);
  }
}
