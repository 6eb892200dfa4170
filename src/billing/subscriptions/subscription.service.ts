import { EntityManager } from '@mikro-orm/postgresql';
import { WebhookEvents } from '../../webhook-events/webhook-events.service';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { OrgAccess } from '../../authz/permission-table';
import { licenseLimit } from '../../licensing/license-limit';
import { LicenseService } from '../../licensing/license.service';
import { Organization } from '../../tenancy/organization.entity';
import { BillingAddressService } from '../billing-address/billing-address.service';
import { missingRecipientFields } from '../billing-address/invoice-recipient';
import { billingAddressIncomplete } from '../billing.errors';
import { Addon, Plan } from '../catalog/catalog.entity';
import { CatalogService } from '../catalog/catalog.service';
import { OrderResultDto, OrderSubscriptionDto, SubscribedItemDto, SubscriptionDto } from './dto/subscription.dto';
import { IdempotencyService, StoredResponse } from '../../idempotency/idempotency.service';
import { InvoiceService } from '../invoices/invoice.service';
import { periodEnd, priceFor } from '../catalog/pricing';
import { Subscription, SubscriptionAddon, SubscriptionStatus } from './subscription.entity';
import { OrganizationRepository } from '../../tenancy/organization.repository';
import { Actor } from '../../audit/actor';
import { AuditService } from '../../audit/audit.service';
import { inTransaction } from '../../database/transaction';
import { SubscriptionErrors } from './subscriptions.errors';

export const ORDER_OPERATION = 'POST /organizations/:orgId/subscription';

const toItem = (item: Plan | Addon): SubscribedItemDto => ({ code: item.code, name: item.name, licenses: item.licenses, interval: item.interval });

/** The billing owner of an organization: its partner when linked, else itself. */
export const billingOwnerOf = (access: OrgAccess) => access.partnerId ?? access.organizationId;

@Injectable()
export class SubscriptionService {
  constructor(
    private readonly em: EntityManager,
    private readonly organizations: OrganizationRepository,
    private readonly catalog: CatalogService,
    private readonly invoices: InvoiceService,
    private readonly idempotency: IdempotencyService,
    private readonly billingAddresses: BillingAddressService,
    private readonly licenses: LicenseService,
    private readonly audit: AuditService,
    private readonly events: WebhookEvents,
  ) {}

  async get(organizationId: OrganizationId, now = new Date()): Promise<SubscriptionDto> {
    // The organization's trial and licence sum, read once; 404 when it does not exist.
    const inputs = await this.licenses.inputs(organizationId);
    const subscription = await this.em.findOne(
      Subscription,
      { organization: organizationId },
      { orderBy: { status: 'asc', createdAt: 'desc' }, populate: ['plan', 'addons.addon'] },
    );
    const active = subscription?.status === SubscriptionStatus.Active ? subscription : null;
    const plan = active?.plan ?? null;
    const addons = active ? active.addons.getItems().filter((item) => !item.removedAt).map((item) => item.addon) : [];
    const limit = licenseLimit(inputs, now);
    const trial = inputs.trialLicenses > 0 ? { licenses: inputs.trialLicenses, endsAt: inputs.trialEndsAt.toISOString() } : null;

    return {
      status: active ? 'active' : subscription ? subscription.status : limit.source === 'trial' ? 'trial' : trial ? 'expired' : 'none',
      trial,
      plan: plan ? toItem(plan) : null,
      addons: addons.map(toItem),
      licenses: limit.limit,
      nextInvoiceAt: active && !active.cancelAtPeriodEnd ? active.currentPeriodEnd.toISOString() : null,
      cancelAtPeriodEnd: active?.cancelAtPeriodEnd ?? false,
    };
  }

  /**
   * "Zahlungspflichtig bestellen": subscription, addons, the first invoice and the audit entry in
   * one transaction, at most once per Idempotency-Key (a replay changes and records nothing).
   */
  async order(access: OrgAccess, dto: OrderSubscriptionDto, idempotencyKey: string, actor: Actor): Promise<StoredResponse & { replayed: boolean }> {
    return inTransaction(this.em, () =>
      this.idempotency.execute(
        { organizationId: access.organizationId, operation: ORDER_OPERATION, key: idempotencyKey, body: dto },
        async () => {
          const { result, subscriptionId } = await this.placeOrder(access, dto);
          await this.audit.record({ organizationId: access.organizationId, actor, action: 'subscription.order', target: { type: 'subscription', id: subscriptionId } });
          await this.events.publish({ type: 'subscription.ordered', organizationId: access.organizationId, data: { subscriptionId, planCode: dto.planCode } });
          return { status: 201, body: result };
        },
      ),
    );
  }

  private async placeOrder(access: OrgAccess, dto: OrderSubscriptionDto): Promise<{ result: OrderResultDto; subscriptionId: string }> {
    const em = this.em.getContext();
    // Serializes orders for one organization, so a second order sees the first subscription.
    await this.organizations.lock(access.organizationId);
    if (await em.count(Subscription, { organization: access.organizationId, status: SubscriptionStatus.Active })) {
      throw SubscriptionErrors.alreadySubscribed();
    }
    const plan = await this.catalog.orderablePlan(dto.planCode);
    const addons = await this.catalog.orderableAddons(dto.addonCodes ?? [], plan);
    const billingOwnerId = billingOwnerOf(access);
    const recipient = await this.billingAddresses.invoiceRecipient(billingOwnerId);
    const missing = missingRecipientFields(recipient);
    if (missing.length > 0) throw billingAddressIncomplete(billingOwnerId, missing);
    const conditions = await this.catalog.conditionsOf(billingOwnerId);

    const start = new Date();
    const end = periodEnd(start, plan.interval);
    const subscription = em.create(Subscription, {
      organization: em.getReference(Organization, access.organizationId),
      billingOwner: em.getReference(Organization, billingOwnerId),
      plan,
      status: SubscriptionStatus.Active,
      currentPeriodStart: start,
      currentPeriodEnd: end,
    });
    // Booked at the period start, so the billing run does not pro-rate them (the first invoice bills them in full).
    addons.forEach((addon) => em.create(SubscriptionAddon, { subscription, addon, createdAt: start }));
    await em.flush();

    const invoice = await this.invoices.issue({
      organizationId: access.organizationId,
      billingOwnerId,
      subscriptionId: subscription.id,
      recipient,
      periodStart: start,
      periodEnd: end,
      issuedAt: start,
      lines: [plan, ...addons].map((item) => ({
        code: item.code,
        description: item.name,
        quantity: 1,
        unitPriceCents: priceFor(item, conditions),
      })),
    });
    return {
      result: {
        subscription: await this.get(access.organizationId, start),
        invoice: { id: invoice.id, number: invoice.number, total: invoice.grossCents, currency: invoice.currency, status: 'issued' },
      },
      subscriptionId: subscription.id,
    };
  }
}
