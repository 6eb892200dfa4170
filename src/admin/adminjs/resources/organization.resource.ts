import { LOCALES } from '../../../../libs/i18n';
import type { ResourceWithOptions } from 'adminjs';
import { asOrganizationId } from '../../../common/organization-id';
import { Organization } from '../../../tenancy/organization.entity';
import { DISABLED, NAVIGATION, ResourceDeps, defineResource, linkList, recordAction, resourceUrl, showUrl } from './common';
import { OrganizationKind } from '../../../authz/roles';

const ADDRESS_FIELDS = ['address.street', 'address.postalCode', 'address.city', 'address.country'];

function related(organization: Organization): string {
  const id = organization.id;
  const links: [string, string][] = [
    ['Members', resourceUrl('Membership', { organization: id })],
    ['Subscriptions', resourceUrl('Subscription', { organization: id })],
    ['Invoices', resourceUrl('Invoice', { organization: id })],
  ];
  if (organization.kind === OrganizationKind.Partner) {
    links.push(
      ['Customers', resourceUrl('Organization', { partner: id })],
      ['Invoices to this partner', resourceUrl('Invoice', { billingOwner: id })],
      ['Partner agreement', resourceUrl('PartnerAgreement', { partner: id })],
    );
  }
  links.push(['Audit log', resourceUrl('AuditLogEntry', { organizationId: id })]);
  return linkList(links);
}

export function organizationResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(
    deps,
    Organization,
    {
      order: { name: 'asc', id: 'asc' },
      virtual: [
        {
          path: 'deleted',
          type: 'boolean',
          compute: (organization: Organization) => organization.deletedAt != null,
          filter: (value) => (value === 'true' ? { deletedAt: { $ne: null } } : value === 'false' ? { deletedAt: null } : undefined),
        },
        { path: 'related', type: 'richtext', compute: related },
      ],
      // Name, address, language and VAT ID through TenancyService.update, as PATCH /organizations/:orgId does; kind and partner link only by "Make partner".
      writer: {
        update: {
          fields: ['name', 'address', 'locale', 'vatId'],
          // An emptied form field removes the VAT ID.
          run: (id, params) => deps.changes.updateOrganization(asOrganizationId(id), { ...params, ...(params.vatId === '' ? { vatId: null } : {}) }),
        },
      },
    },
    {
      navigation: NAVIGATION.tenancy,
      titleProperty: 'name',
      sort: { sortBy: 'name', direction: 'asc' },
      listProperties: ['name', 'kind', 'partner', 'deleted', 'createdAt'],
      filterProperties: ['name', 'kind', 'partner', 'deleted', 'deletedAt', 'createdAt', 'id'],
      showProperties: ['id', 'name', 'kind', 'partner', ...ADDRESS_FIELDS, 'locale', 'vatId', 'trialEndsAt', 'trialLicenses', 'createdAt', 'updatedAt', 'deletedAt', 'related'],
      editProperties: ['name', ...ADDRESS_FIELDS, 'locale', 'vatId'],
      properties: {
        deleted: { type: 'boolean', description: 'Soft-deleted: gone for its users, kept for its invoices' },
        'address.street': { type: 'string' },
        'address.postalCode': { type: 'string' },
        'address.city': { type: 'string' },
        'address.country': { type: 'string' },
        locale: { availableValues: LOCALES.map((locale) => ({ value: locale, label: locale === 'de' ? 'Deutsch' : 'English' })), description: 'Language of its mails and documents' },
        vatId: { type: 'string', description: 'VAT ID with its country prefix, printed on the invoices it pays; empty removes it' },
        related: { type: 'richtext' },
      },
      actions: {
        new: DISABLED,
        delete: DISABLED,
        bulkDelete: DISABLED,
        edit: { isAccessible: ({ record }) => !!record && !record.params.deletedAt },
        makePartner: recordAction({
          icon: 'Award',
          guard: 'Make this organization a partner? It gets a partner agreement at list prices; set its conditions there.',
          isAccessible: (params) => params.kind === OrganizationKind.Standalone && !params.deletedAt,
          run: async (id) => {
            const { name, agreementId } = await deps.changes.makePartner(asOrganizationId(id));
            return { message: `${name} is a partner now. Set its conditions on the partner agreement.`, redirectUrl: showUrl('PartnerAgreement', agreementId) };
          },
        }),
        customers: recordAction({
          icon: 'Users',
          isAccessible: (params) => params.kind === OrganizationKind.Partner,
          run: async (id) => ({ message: 'Customer organizations of this partner', redirectUrl: resourceUrl('Organization', { partner: id }) }),
        }),
      },
    },
  );
}
