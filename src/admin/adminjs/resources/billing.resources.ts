import type { ResourceWithOptions } from 'adminjs';
import { Addon, Plan } from '../../../billing/catalog/catalog.entity';
import { PartnerAgreement } from '../../../billing/catalog/partner-agreement.entity';
import { Subscription } from '../../../billing/subscriptions/subscription.entity';
import { CatalogKind } from '../../backoffice-changes.service';
import { Params } from '../backoffice-resource';
import { DISABLED, NAVIGATION, READ_ONLY_ACTIONS, ResourceDeps, boolean, decimal, defineResource, integer, present } from './common';

const catalogInput = (params: Params): Params => {
  const input = present(params);
  for (const key of ['licenses', 'listPriceCents']) if (key in input) input[key] = integer(input[key]);
  if ('active' in input) input.active = boolean(input.active);
  return input;
};

/** Plans and addons: staff add them and change name, licences, price and availability; code and interval stay. */
function catalogResource(deps: ResourceDeps, kind: CatalogKind): ResourceWithOptions {
  return defineResource(
    deps,
    kind === 'plan' ? Plan : Addon,
    {
      order: { code: 'asc' },
      writer: {
        // The form's "active" box starts unticked and an untouched box is not posted: unticked means inactive.
        create: {
          fields: ['code', 'name', 'licenses', 'listPriceCents', 'interval', 'active'],
          run: (params) => deps.changes.createCatalogItem(kind, catalogInput({ active: 'false', ...params })),
        },
        update: { fields: ['name', 'licenses', 'listPriceCents', 'active'], run: (code, params) => deps.changes.updateCatalogItem(kind, code, catalogInput(params)) },
      },
    },
    {
      navigation: NAVIGATION.billing,
      titleProperty: 'name',
      listProperties: ['code', 'name', 'licenses', 'listPriceCents', 'interval', 'active'],
      filterProperties: ['code', 'name', 'interval', 'active'],
      showProperties: ['code', 'name', 'licenses', 'listPriceCents', 'interval', 'active'],
      editProperties: ['code', 'name', 'licenses', 'listPriceCents', 'interval', 'active'],
      properties: {
        // The id column: AdminJS leaves ids out of forms unless told, but a new item needs its code.
        code: { isVisible: { list: true, show: true, edit: true, filter: true } },
        listPriceCents: { type: 'number', description: 'Net list price in cents' },
      },
      // Subscriptions and invoices refer to catalog items: they are deactivated (active = false), never deleted.
      // Editing refuses a changed code or interval (see the writer's fields).
      actions: { delete: DISABLED, bulkDelete: DISABLED },
    },
  );
}

export const planResource = (deps: ResourceDeps) => catalogResource(deps, 'plan');
export const addonResource = (deps: ResourceDeps) => catalogResource(deps, 'addon');

/** A partner's conditions: created by "Make partner", edited here through CatalogService. */
export function partnerAgreementResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(
    deps,
    PartnerAgreement,
    {
      order: { createdAt: 'desc', id: 'desc' },
      writer: {
        update: {
          fields: ['discountPercent', 'priceOverrides'],
          run: (id, params) => {
            const overrides = params.priceOverrides && typeof params.priceOverrides === 'object' ? (params.priceOverrides as Params) : {};
            return deps.changes.setPartnerConditions(id, {
              discountPercent: decimal(params.discountPercent),
              priceOverrides: Object.fromEntries(Object.entries(overrides).map(([code, price]) => [code, integer(price)])),
            });
          },
        },
      },
    },
    {
      navigation: NAVIGATION.billing,
      listProperties: ['partner', 'discountPercent', 'createdAt'],
      filterProperties: ['partner', 'createdAt'],
      showProperties: ['id', 'partner', 'discountPercent', 'priceOverrides', 'createdAt'],
      editProperties: ['discountPercent', 'priceOverrides'],
      properties: {
        discountPercent: { type: 'number', description: 'Discount on list prices, percent (0–100)' },
        priceOverrides: { type: 'key-value', description: 'Catalog code → net price in cents; wins over the discount' },
      },
      actions: { new: DISABLED, delete: DISABLED, bulkDelete: DISABLED },
    },
  );
}

export function subscriptionResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(
    deps,
    Subscription,
    { order: { createdAt: 'desc', id: 'desc' } },
    {
      navigation: NAVIGATION.billing,
      listProperties: ['organization', 'billingOwner', 'plan', 'status', 'currentPeriodEnd', 'cancelAtPeriodEnd'],
      filterProperties: ['organization', 'billingOwner', 'plan', 'status', 'cancelAtPeriodEnd', 'createdAt'],
      showProperties: ['id', 'organization', 'billingOwner', 'plan', 'status', 'currentPeriodStart', 'currentPeriodEnd', 'cancelAtPeriodEnd', 'createdAt'],
      actions: READ_ONLY_ACTIONS,
    },
  );
}
