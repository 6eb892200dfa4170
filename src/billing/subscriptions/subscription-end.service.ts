import { EntityManager } from '@mikro-orm/postgresql';
import { WebhookEvents } from '../../webhook-events/webhook-events.service';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { requireTransaction } from '../../database/transaction';
import { Invoice, InvoiceType } from '../invoices/invoice.entity';
import { InvoiceService } from '../invoices/invoice.service';
import { deletionCredit } from './deletion-credit';
import { Subscription, SubscriptionStatus } from './subscription.entity';
import { SubscriptionRepository } from './subscription.repository';

/** Billing ends with its organization: a deleted organization's subscription ends at once and its unused time is credited. */
@Injectable()
export class SubscriptionEndService {
  constructor(
    private readonly em: EntityManager,
    private readonly subscriptionRows: SubscriptionRepository,
    private readonly invoices: InvoiceService,
    private readonly events: WebhookEvents,
  ) {}

  /**
   * Runs inside the deleting transaction: the subscription is cancelled with `endedAt` now, so no
   * billing run bills it again, and the invoice that paid the current period is corrected by a
   * credit note for its unused time (see `deletionCredit`), less what staff credited of it before.
   */
  async endWithOrganization(organizationId: OrganizationId, deletedAt = new Date()): Promise<void> {
    const em = requireTransaction(this.em, 'Ending the subscription of a deleted organization');
    const subscriptionId = await this.subscriptionRows.lockActive(organizationId);
    if (!subscriptionId) return;
    const subscription = await em.findOneOrFail(Subscription, { id: subscriptionId }, { populate: ['plan', 'addons.addon'], refresh: true });
    subscription.status = SubscriptionStatus.Cancelled;
    subscription.endedAt = deletedAt;
    await em.flush();
    await this.events.publish({ type: 'subscription.cancelled', organizationId, data: { subscriptionId, endsAt: deletedAt.toISOString() } });

    const period = { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd };
    const paid = await em.findOne(
      Invoice,
      { subscriptionId, periodStart: period.start, type: InvoiceType.Invoice },
      { populate: ['lines', 'organization', 'billingOwner'] },
    );
    if (!paid) return;
    const stillBooked = new Set([
      subscription.plan.code,
      ...subscription.addons
        .getItems()
        .filter((item) => !item.removedAt && item.createdAt.getTime() <= period.start.getTime())
        .map((item) => item.addon.code),
    ]);
    const lines = deletionCredit(paid.lines.getItems(), stillBooked, period, deletedAt);
    if (lines.length === 0) return;
    await this.invoices.issueCreditNote({ corrected: paid, periodStart: lines[0].periodStart, periodEnd: period.end, lines, beyondWhatIsLeft: 'clip' });
  }
}
