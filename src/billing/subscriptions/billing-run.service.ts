import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { BillingAddressService } from '../billing-address/billing-address.service';
import { CatalogService } from '../catalog/catalog.service';
import { InvoiceService, NewInvoiceLine } from '../invoices/invoice.service';
import { BillingPeriod, PartnerConditions, periodEnd, priceFor, proratedPriceCents } from '../catalog/pricing';
import { SubscriptionRepository } from './subscription.repository';
import { Subscription, SubscriptionStatus } from './subscription.entity';
import { inOwnTransaction } from '../../database/transaction';

export interface BillingRunResult {
  invoicesIssued: number;
  /** Subscriptions that ended (cancelled at their period end). */
  subscriptionsEnded: number;
  /** Subscriptions that failed; each is retried by the next run. */
  errors: number;
}

/**
 * Recurring billing: every active subscription of a live organization whose
 * period has ended either ends (cancelled at period end, with a closing invoice
 * for addon time booked during that period) or moves on one period and gets one
 * invoice for it, repeated until it is current again (catch-up after missed runs).
 *
 * Each subscription is billed in a transaction of its own with its row locked
 * (`for update skip locked`): a failure leaves the others billed, and two
 * concurrent runs never bill the same subscription; the unique index on
 * invoice (subscription_id, period_start) backs that up. Running again for
 * the same `at` issues nothing.
 */
@Injectable()
export class BillingRunService {
  private readonly logger = new Logger(BillingRunService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly subscriptions: SubscriptionRepository,
    private readonly catalog: CatalogService,
    private readonly invoices: InvoiceService,
    private readonly billingAddresses: BillingAddressService,
  ) {}

  async run(at: Date): Promise<BillingRunResult> {
    const due = await this.subscriptions.dueAt(at);
    const result: BillingRunResult = { invoicesIssued: 0, subscriptionsEnded: 0, errors: 0 };
    for (const id of due) {
      try {
        const billed = await inOwnTransaction(this.em, () => this.bill(id, at));
        result.invoicesIssued += billed.invoicesIssued;
        result.subscriptionsEnded += billed.ended ? 1 : 0;
      } catch (error) {
        result.errors += 1;
        this.logger.error(`Billing subscription ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    return result;
  }

  private async bill(subscriptionId: string, at: Date): Promise<{ invoicesIssued: number; ended: boolean }> {
    // Re-checked under the lock: a concurrent run may have billed it since we listed it, or hold it now.
    if (!(await this.subscriptions.lockDue(subscriptionId, at))) return { invoicesIssued: 0, ended: false };
    const em = this.em.getContext();
    const subscription = await em.findOneOrFail(Subscription, { id: subscriptionId }, { populate: ['plan', 'addons.addon', 'billingOwner'] });
    const billingOwnerId = subscription.billingOwner.id;
    const conditions = await this.catalog.conditionsOf(billingOwnerId);
    const recipient = await this.billingAddresses.invoiceRecipient(billingOwnerId);

    let invoicesIssued = 0;
    while (subscription.currentPeriodEnd.getTime() <= at.getTime()) {
      if (subscription.cancelAtPeriodEnd) {
        const closing = proratedLines(subscription, { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd }, conditions);
        subscription.status = SubscriptionStatus.Cancelled;
        subscription.endedAt = subscription.currentPeriodEnd;
        await em.flush();
        // Addon time booked during the last period is billed like any other: here, with no next period, on a closing invoice.
        if (closing.length > 0) {
          await this.invoices.issue({
            organizationId: subscription.organization.id,
            billingOwnerId,
            subscriptionId: subscription.id,
            recipient,
            periodStart: closing[0].periodStart,
            periodEnd: subscription.currentPeriodEnd,
            lines: closing,
          });
          invoicesIssued += 1;
        }
        return { invoicesIssued, ended: true };
      }
      const previous: BillingPeriod = { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd };
      const start = previous.end;
      const end = periodEnd(start, subscription.plan.interval);
      subscription.currentPeriodStart = start;
      subscription.currentPeriodEnd = end;
      await em.flush();
      await this.invoices.issue({
        organizationId: subscription.organization.id,
        billingOwnerId,
        subscriptionId: subscription.id,
        recipient,
        periodStart: start,
        periodEnd: end,
        lines: periodLines(subscription, previous, conditions),
      });
      invoicesIssued += 1;
    }
    return { invoicesIssued, ended: false };
  }
}

/**
 * One period's invoice lines: the plan and the addons booked now, in full,
 * then the unbilled part of the previous period for addons booked during it
 * (also if removed since: there is no refund).
 */
export function periodLines(subscription: Subscription, previous: BillingPeriod, conditions: PartnerConditions | null): NewInvoiceLine[] {
  const booked = subscription.addons.getItems().filter((item) => !item.removedAt);
  const full = [subscription.plan, ...sortedByBooking(booked).map((item) => item.addon)].map((item) => ({
    code: item.code,
    description: item.name,
    quantity: 1,
    unitPriceCents: priceFor(item, conditions),
  }));
  return [...full, ...proratedLines(subscription, previous, conditions)];
}

/** The addons booked during `period` (after its start), each from its booking to the period end, earliest first. */
export function proratedLines(
  subscription: Subscription,
  period: BillingPeriod,
  conditions: PartnerConditions | null,
): (NewInvoiceLine & { periodStart: Date; periodEnd: Date })[] {
  return sortedByBooking(subscription.addons.getItems())
    .filter((item) => item.createdAt.getTime() > period.start.getTime() && item.createdAt.getTime() < period.end.getTime())
    .map((item) => ({
      code: item.addon.code,
      description: `${item.addon.name}, pro-rated`,
      quantity: 1,
      unitPriceCents: proratedPriceCents(priceFor(item.addon, conditions), period, item.createdAt),
      periodStart: item.createdAt,
      periodEnd: period.end,
    }));
}

const sortedByBooking = <T extends { createdAt: Date }>(items: T[]) => [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
