import type { MembershipRepository } from '../accounts/membership.repository';
import type { OrgAccessRepository } from '../authz/org-access.repository';
import type { InvoiceRepository } from '../billing/invoices/invoice.repository';
import type { SubscriptionRepository } from '../billing/subscriptions/subscription.repository';
import type { InventoryRepository } from '../platform/inventory.repository';
import type { OrganizationRepository } from '../tenancy/organization.repository';
import { OrganizationId, asOrganizationId } from './organization-id';

/**
 * `npm run typecheck` (part of CI) compiles this file: each @ts-expect-error fails the build the
 * day a tenant-scoped repository method accepts a plain string (a user id, a request body field)
 * where the organization belongs.
 */
export function tenantScopedQueriesRefusePlainStrings(
  organizations: OrganizationRepository,
  access: OrgAccessRepository,
  members: MembershipRepository,
  inventory: InventoryRepository,
  subscriptions: SubscriptionRepository,
  invoices: InvoiceRepository,
  userId: string,
): void {
  // @ts-expect-error a string is not an organization id
  void organizations.read(userId, { lock: false });
  // @ts-expect-error a string is not an organization id
  void access.roles(userId, userId);
  // @ts-expect-error a string is not an organization id
  void members.members(userId, 10, undefined, undefined);
  // @ts-expect-error a string is not an organization id
  void inventory.pageHosts(userId, 10);
  // @ts-expect-error a string is not an organization id
  void subscriptions.lockActive(userId);
  // @ts-expect-error a string is not an organization id
  void invoices.document(userId, userId);
}

describe('OrganizationId', () => {
  it('is the id itself at run time', () => {
    const id: OrganizationId = asOrganizationId('0b7e1d5e-8c4f-4e0a-9a35-3b1f3d8a6c11');
    expect(id).toBe('0b7e1d5e-8c4f-4e0a-9a35-3b1f3d8a6c11');
    expect(JSON.stringify({ id })).toBe('{"id":"0b7e1d5e-8c4f-4e0a-9a35-3b1f3d8a6c11"}');
  });
});
