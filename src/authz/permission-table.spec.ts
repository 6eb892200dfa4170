import { asOrganizationId } from '../common/organization-id';
import { buildAbility } from './ability.factory';
import { Capabilities, OrgAccess, capabilitiesOf } from './permission-table';
import { MembershipRole, OrganizationKind } from './roles';

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

describe('permission table', () => {
  it.each(TABLE)('%s', (_name, situation, expected) => {
    expect(capabilitiesOf(situation)).toEqual(expected);
  });

  it.each(TABLE)('CASL ability agrees with the capabilities for %s', (_name, situation, expected) => {
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
  });
});
