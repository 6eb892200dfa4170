import { OrganizationId } from '../common/organization-id';
import { MembershipRole, OrganizationKind } from './roles';

/**
 * The permission table of API.md "Roles and what they may do", the single
 * source of truth: capabilities per access situation, and the CASL grants
 * each capability gives. Pure data and functions; no Nest, no database.
 */

export const CAPABILITIES = ['read', 'write', 'settings', 'team', 'billing', 'delete', 'supportSettings', 'auditLog'] as const;
export type Capability = (typeof CAPABILITIES)[number];
export type Capabilities = Record<Capability, boolean>;

export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete';
export const SUBJECTS = [
  'Organization',
  'Customer',
  'Host',
  'Endpoint',
  'License',
  'Member',
  'AuditLog',
  'Report',
  'Branding',
  'Logo',
  'SupportContact',
  'SupportSettings',
  'Billing',
  'ApiKey',
  'Webhook',
] as const;
export type Subject = (typeof SUBJECTS)[number] | 'all';

/** What the caller is in organization O, resolved once per request. */
export interface OrgAccess {
  organizationId: OrganizationId;
  organizationKind: OrganizationKind;
  partnerId: OrganizationId | null;
  role: MembershipRole;
  /** The role comes from a membership in O's partner, not in O. */
  viaPartner: boolean;
  /** Admin of O.partner when O is linked, else admin of O. */
  isBillingOwnerAdmin: boolean;
  /** An API key's scopes: the capabilities it may use of those its access situation has. Unset for people. */
  scopes?: readonly Capability[];
  /** O (or, for a linked customer organization, its partner) requires 2FA of its members. */
  mfaRequired?: boolean;
  /** The person calling has 2FA on. */
  callerHasMfa?: boolean;
}

const isAdmin = (access: OrgAccess) => access.role === MembershipRole.Admin;

/** API.md's table, one predicate per row. */
export const PERMISSION_TABLE: Record<Capability, (access: OrgAccess) => boolean> = {
  read: () => true,
  write: isAdmin,
  settings: isAdmin,
  team: isAdmin,
  auditLog: isAdmin,
  billing: (access) => access.isBillingOwnerAdmin,
  delete: (access) => access.isBillingOwnerAdmin,
  supportSettings: (access) => access.organizationKind === OrganizationKind.Partner && isAdmin(access) && !access.viaPartner,
};

export const CAPABILITY_GRANTS: Record<Capability, ReadonlyArray<readonly [Action, Subject]>> = {
  read: [
    ['read', 'Organization'],
    ['read', 'Customer'],
    ['read', 'Host'],
    ['read', 'Endpoint'],
    ['read', 'License'],
    ['read', 'Member'],
    ['read', 'Report'],
    ['read', 'Branding'],
    ['read', 'Logo'],
    ['read', 'SupportContact'],
  ],
  write: [
    ['manage', 'Host'],
    ['manage', 'Endpoint'],
    ['create', 'Report'],
  ],
  settings: [
    ['update', 'Organization'],
    ['manage', 'Logo'],
    ['manage', 'Webhook'],
  ],
  team: [
    ['manage', 'Member'],
    ['manage', 'ApiKey'],
  ],
  auditLog: [['read', 'AuditLog']],
  billing: [['manage', 'Billing']],
  delete: [['delete', 'Organization']],
  // Administering the partner organization itself: its support settings and its linked customer organizations.
  supportSettings: [
    ['manage', 'SupportSettings'],
    ['create', 'Customer'],
  ],
};

export function capabilitiesOf(access: OrgAccess): Capabilities {
  return Object.fromEntries(CAPABILITIES.map((capability) => [capability, hasCapability(access, capability)])) as Capabilities;
}

export function hasCapability(access: OrgAccess, capability: Capability): boolean {
  return PERMISSION_TABLE[capability](access) && (!access.scopes || access.scopes.includes(capability));
}
