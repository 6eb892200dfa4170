/**
 * The vocabulary of the permission table: what a member is in an organization
 * and what kind of organization it is. The entities store them
 * (membership.role, organization.kind); authz decides with them.
 */

export enum MembershipRole {
  Admin = 'admin',
  Guest = 'guest',
}

export enum OrganizationKind {
  Partner = 'partner',
  Customer = 'customer',
  Standalone = 'standalone',
}
