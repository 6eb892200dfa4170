import { asOrganizationId } from '../common/organization-id';
import { buildAbility } from './ability.factory';
import { Capabilities, OrgAccess, capabilitiesOf } from './permission-table';
import { MembershipRole, OrganizationKind } from './roles';
import { apiKeyAccess, grantableScopes } from './org-access.service';

const access = (overrides: Partial<OrgAccess>): OrgAccess => ({
  organizationId: asOrganizationId('org'),
  organizationKind: OrganizationKind.Customer,
  partnerId: asOrganizationId('partner'),
  role: MembershipRole.Guest,
  viaPartner: false,
  isBillingOwnerAdmin: false,
  ...overrides,
});

const yes = true;
const no = false;
const row = (read: boolean, write: boolean, settings: boolean, team: boolean, billing: boolean, del: boolean, supportSettings: boolean, auditLog: boolean): Capabilities => ({
  read, write, settings, team, billing, delete: del, supportSettings, auditLog,
});

// API.md "Roles and what they may do", column by column.
const TABLE: [string, OrgAccess, Capabilities][] = [
  //                                                                                          read write sett team bill  del  supp audit
  ['partner admin in a linked customer org', access({ role: MembershipRole.Admin, viaPartner: true, isBillingOwnerAdmin: true }), row(yes, yes, yes, yes, yes, yes, no, yes)],
  ['partner guest in a linked customer org', access({ role: MembershipRole.Guest, viaPartner: true }), row(yes, no, no, no, no, no, no, no)],
  ['customer admin in its own org', access({ role: MembershipRole.Admin }), row(yes, yes, yes, yes, no, no, no, yes)],
  ['customer guest in its own org', access({ role: MembershipRole.Guest }), row(yes, no, no, no, no, no, no, no)],
  ['partner admin in the partner org', access({ organizationKind: OrganizationKind.Partner, partnerId: null, role: MembershipRole.Admin, isBillingOwnerAdmin: true }), row(yes, yes, yes, yes, yes, yes, yes, yes)],
  ['partner guest in the partner org', access({ organizationKind: OrganizationKind.Partner, partnerId: null }), row(yes, no, no, no, no, no, no, no)],
  ['standalone admin', access({ organizationKind: OrganizationKind.Standalone, partnerId: null, role: MembershipRole.Admin, isBillingOwnerAdmin: true }), row(yes, yes, yes, yes, yes, yes, no, yes)],
  ['standalone guest', access({ organizationKind: OrganizationKind.Standalone, partnerId: null }), row(yes, no, no, no, no, no, no, no)],
];

const PARTNER = asOrganizationId('partner');
const CUSTOMER = asOrganizationId('customer');
const STANDALONE = asOrganizationId('standalone');
const partnerOrg = { kind: OrganizationKind.Partner, partner_id: null };
const customerOrg = { kind: OrganizationKind.Customer, partner_id: PARTNER };
const standaloneOrg = { kind: OrganizationKind.Standalone, partner_id: null };
const ALL_SCOPES = ['read', 'write', 'settings', 'team', 'billing', 'delete', 'supportSettings', 'auditLog'] as const;

// An API key acts as an admin of its organization (a partner's in its customers), within its scopes.
const KEY_TABLE: [string, OrgAccess, Capabilities][] = [
  //                                                                                          read write sett team bill  del  supp audit
  ['partner key, all scopes, in the partner org', apiKeyAccess(PARTNER, PARTNER, partnerOrg, ALL_SCOPES), row(yes, yes, yes, yes, yes, yes, yes, yes)],
  ['partner key, all scopes, in a customer org', apiKeyAccess(CUSTOMER, PARTNER, customerOrg, ALL_SCOPES), row(yes, yes, yes, yes, yes, yes, no, yes)],
  ['partner key, read only, in a customer org', apiKeyAccess(CUSTOMER, PARTNER, customerOrg, ['read']), row(yes, no, no, no, no, no, no, no)],
  ['partner key, billing only, in a customer org', apiKeyAccess(CUSTOMER, PARTNER, customerOrg, ['billing']), row(no, no, no, no, yes, no, no, no)],
  ['customer key, all scopes, in its org', apiKeyAccess(CUSTOMER, CUSTOMER, customerOrg, ALL_SCOPES), row(yes, yes, yes, yes, no, no, no, yes)],
  ['standalone key, read and write', apiKeyAccess(STANDALONE, STANDALONE, standaloneOrg, ['read', 'write']), row(yes, yes, no, no, no, no, no, no)],
];

describe('permission table', () => {
  it.each(TABLE)('%s', (_name, situation, expected) => {
    expect(capabilitiesOf(situation)).toEqual(expected);
  });

  it.each(KEY_TABLE)('%s', (_name, situation, expected) => {
    expect(capabilitiesOf(situation)).toEqual(expected);
  });

  it.each([
    ['partner admin in the partner org', TABLE[4][1], [...ALL_SCOPES]],
    ['partner admin in a linked customer org (a key of it acts as its admin: no billing, no deleting)', TABLE[0][1], ['read', 'write', 'settings', 'team', 'auditLog']],
    ['customer admin in its own org', TABLE[2][1], ['read', 'write', 'settings', 'team', 'auditLog']],
    ['standalone admin', TABLE[6][1], ['read', 'write', 'settings', 'team', 'billing', 'delete', 'auditLog']],
    ['a guest', TABLE[3][1], ['read']],
  ])('lets %s grant keys the scopes %j', (_name, creator, scopes) => {
    expect(grantableScopes(creator)).toEqual(scopes);
  });

  it.each([...TABLE, ...KEY_TABLE])('CASL ability agrees with the capabilities for %s', (_name, situation, expected) => {
    const ability = buildAbility(situation);
    expect(ability.can('read', 'Host')).toBe(expected.read);
    expect(ability.can('create', 'Host')).toBe(expected.write);
    expect(ability.can('update', 'Organization')).toBe(expected.settings);
    expect(ability.can('create', 'Member')).toBe(expected.team);
    expect(ability.can('read', 'Member')).toBe(expected.read);
    expect(ability.can('manage', 'Billing')).toBe(expected.billing);
    expect(ability.can('delete', 'Organization')).toBe(expected.delete);
    expect(ability.can('manage', 'SupportSettings')).toBe(expected.supportSettings);
    expect(ability.can('read', 'AuditLog')).toBe(expected.auditLog);
    expect(ability.can('manage', 'ApiKey')).toBe(expected.team);
  });
});
