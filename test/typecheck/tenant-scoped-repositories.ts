import type { MembershipRepository } from '../../src/accounts/membership.repository';
import type { OrgAccessRepository } from '../../src/authz/org-access.repository';
import type { InvoiceRepository } from '../../src/billing/invoices/invoice.repository';
import type { SubscriptionRepository } from '../../src/billing/subscriptions/subscription.repository';
import type { InventoryRepository } from '../../src/platform/inventory.repository';
import type { OrganizationRepository } from '../../src/tenancy/organization.repository';

/**
 * `npm run typecheck` (part of .ci/run) compiles this file; nothing runs it: each @ts-expect-error fails the build the
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
  void invoices.document(userId, userId, 'pdf');
}
