import { EntityManager } from '@mikro-orm/postgresql';
import { WebhookEvents } from '../../webhook-events/webhook-events.service';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { OrgAccess } from '../../authz/permission-table';
import { notFound } from '../../common/domain-error';
import { CatalogService } from '../catalog/catalog.service';
import { AddAddonDto, SubscriptionDto } from './dto/subscription.dto';
import { IdempotencyService, StoredResponse } from '../../idempotency/idempotency.service';
import { Subscription, SubscriptionAddon } from './subscription.entity';
import { SubscriptionService } from './subscription.service';
import { LicenseService } from '../../licensing/license.service';
import { OrganizationRepository } from '../../tenancy/organization.repository';
import { SubscriptionRepository } from './subscription.repository';
import { Actor } from '../../audit/actor';
import { AuditService } from '../../audit/audit.service';
import { inTransaction } from '../../database/transaction';
import { SubscriptionErrors } from './subscriptions.errors';

export const ADD_ADDON_OPERATION = 'POST /organizations/:orgId/subscription/addons';

/** Changes to a running subscription: booking and removing addons, cancelling at the period end. */
@Injectable()
export class SubscriptionAddonsService {
  constructor(
    private readonly em: EntityManager,
    private readonly organizations: OrganizationRepository,
    private readonly subscriptionRows: SubscriptionRepository,
    private readonly catalog: CatalogService,
    private readonly idempotency: IdempotencyService,
    private readonly subscriptions: SubscriptionService,
    private readonly licenses: LicenseService,
    private readonly audit: AuditService,
    private readonly events: WebhookEvents,
  ) {}

  /** Books an addon now: its licences count at once, it is billed pro-rated on the next invoice. At most once per Idempotency-Key. */
  async add(access: OrgAccess, dto: AddAddonDto, idempotencyKey: string, actor: Actor): Promise<StoredResponse & { replayed: boolean }> {
    const organizationId = access.organizationId;
    return inTransaction(this.em, () =>
      this.idempotency.execute({ organizationId, operation: ADD_ADDON_OPERATION, key: idempotencyKey, body: dto }, async () => {
        const { subscription, subscriptionId } = await this.addAddon(organizationId, dto.addonCode);
        await this.audit.record({ organizationId, actor, action: 'subscription.addon-add', target: { type: 'subscription', id: subscriptionId } });
        return { status: 201, body: { subscription } };
      }),
    );
  }

  /**
   * Ends an addon now (no refund: the current period stays billed). Refused
   * while the hosts in use would exceed the remaining licences; the
   * organization row is locked like for a new host, so the two cannot race.
   */
  async remove(organizationId: OrganizationId, addonCode: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      await this.organizations.lock(organizationId);
      const subscription = await this.lockActive(organizationId, { addonMissing: true });
      const booked = subscription.addons.getItems().find((item) => !item.removedAt && item.addon.code === addonCode);
      if (!booked) throw notFound('Addon');

      await this.licenses.assertFitsWithout(organizationId, booked.addon.licenses, addonCode);
      booked.removedAt = new Date();
      await em.flush();
      await this.audit.record({ organizationId, actor, action: 'subscription.addon-remove', target: { type: 'subscription', id: subscription.id } });
    });
  }

  /** Ends the subscription at the end of its current period: no further invoice. Cancelling again changes nothing. */
  async cancel(organizationId: OrganizationId, actor: Actor): Promise<SubscriptionDto> {
    return inTransaction(this.em, async (em) => {
      const subscription = await this.lockActive(organizationId);
      if (!subscription.cancelAtPeriodEnd) {
        subscription.cancelAtPeriodEnd = true;
        await em.flush();
        await this.events.publish({
          type: 'subscription.cancelled',
          organizationId,
          data: { subscriptionId: subscription.id, endsAt: subscription.currentPeriodEnd.toISOString() },
        });
      }
      await this.audit.record({ organizationId, actor, action: 'subscription.cancel', target: { type: 'subscription', id: subscription.id } });
      return this.subscriptions.get(organizationId);
    });
  }

  private async addAddon(organizationId: OrganizationId, addonCode: string): Promise<{ subscription: SubscriptionDto; subscriptionId: string }> {
    const em = this.em.getContext();
    const subscription = await this.lockActive(organizationId);
    const [addon] = await this.catalog.orderableAddons([addonCode], subscription.plan);
    if (subscription.addons.getItems().some((item) => !item.removedAt && item.addon.code === addon.code)) {
      throw SubscriptionErrors.addonAlreadyActive(addon.code);
    }
    // Its creation time is when it was booked: the billing run pro-rates it from there.
    em.create(SubscriptionAddon, { subscription, addon, createdAt: new Date() });
    await em.flush();
    return { subscription: await this.subscriptions.get(organizationId), subscriptionId: subscription.id };
  }

  /** The active subscription with plan and addons, its row locked until the caller's transaction ends. */
  private async lockActive(organizationId: OrganizationId, { addonMissing = false } = {}): Promise<Subscription> {
    const subscriptionId = await this.subscriptionRows.lockActive(organizationId);
    if (!subscriptionId) {
      if (addonMissing) throw notFound('Addon');
      throw SubscriptionErrors.noSubscription();
    }
    return this.em
      .getContext()
      .findOneOrFail(Subscription, { id: subscriptionId, organization: organizationId }, { populate: ['plan', 'addons.addon'], refresh: true });
  }
}
