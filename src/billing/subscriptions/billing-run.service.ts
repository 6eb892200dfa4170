import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { BillingAddressService } from '../billing-address/billing-address.service';
import { CatalogService } from '../catalog/catalog.service';
import { InvoiceService, NewInvoice, NewInvoiceLine } from '../invoices/invoice.service';
import { InvoiceRecipient } from '../billing-address/invoice-recipient';
import { OrganizationId } from '../../common/organization-id';
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

/** Subscriptions billed in one transaction: the lock, loads and inserts are one round trip each for all of them. */
const BATCH_SIZE = 50;

/** What invoicing a billing owner needs, loaded once per batch. */
interface BillingOwnerTerms {
  conditions: PartnerConditions | null;
  recipient: InvoiceRecipient;
}

/**
 * Recurring billing: every active subscription of a live organization whose
 * period has ended either ends (cancelled at period end, with a closing invoice
 * for addon time booked during that period) or moves on one period and gets one
 * invoice for it, repeated until it is current again (catch-up after missed runs).
 *
 * Subscriptions are billed in batches, each in a transaction of its own with the
 * rows locked (`for update skip locked`), so two concurrent runs never bill the
 * same subscription; the unique index on invoice (subscription_id, period_start)
 * backs that up. When a batch fails, its subscriptions are billed one by one, so
 * one failure leaves the others billed. Running again for the same `at` issues
 * nothing.
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
    const add = (billed: BatchResult) => {
      result.invoicesIssued += billed.invoicesIssued;
      result.subscriptionsEnded += billed.subscriptionsEnded;
    };
    for (let offset = 0; offset < due.length; offset += BATCH_SIZE) {
      const batch = due.slice(offset, offset + BATCH_SIZE);
      try {
        add(await inOwnTransaction(this.em, () => this.bill(batch, at)));
      } catch {
        for (const id of batch) {
          try {
            add(await inOwnTransaction(this.em, () => this.bill([id], at)));
          } catch (error) {
            result.errors += 1;
            this.logger.error(`Billing subscription ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          }
        }
      }
    }
    return result;
  }

  private async bill(subscriptionIds: string[], at: Date): Promise<BatchResult> {
    // Re-checked under the lock: a concurrent run may have billed some since we listed them, or hold them now.
    const locked = await this.subscriptions.lockDue(subscriptionIds, at);
    const billed: BatchResult = { invoicesIssued: 0, subscriptionsEnded: 0 };
    if (locked.length === 0) return billed;
    const em = this.em.getContext();
    const loaded = await em.find(Subscription, { id: { $in: locked } }, { populate: ['plan', 'addons.addon', 'billingOwner'] });
    const byId = new Map(loaded.map((subscription) => [subscription.id, subscription]));
    const terms = new Map<OrganizationId, Promise<BillingOwnerTerms>>();
    const termsOf = (billingOwnerId: OrganizationId) => {
      if (!terms.has(billingOwnerId)) terms.set(billingOwnerId, this.loadTerms(billingOwnerId));
      return terms.get(billingOwnerId)!;
    };

    const invoices: NewInvoice[] = [];
    // In the order listed (oldest period end first), so invoice numbers follow it.
    for (const id of locked) {
      const subscription = byId.get(id)!;
      const ended = this.advance(subscription, at, await termsOf(subscription.billingOwner.id), invoices);
      if (ended) billed.subscriptionsEnded += 1;
    }
    await em.flush();
    await this.invoices.issueAll(invoices);
    billed.invoicesIssued = invoices.length;
    return billed;
  }

  private async loadTerms(billingOwnerId: OrganizationId): Promise<BillingOwnerTerms> {
    const [conditions, recipient] = await Promise.all([this.catalog.conditionsOf(billingOwnerId), this.billingAddresses.invoiceRecipient(billingOwnerId)]);
    return { conditions, recipient };
  }

  /** Moves one subscription on to `at`, adding the invoices that takes; true when it ended. */
  private advance(subscription: Subscription, at: Date, { conditions, recipient }: BillingOwnerTerms, invoices: NewInvoice[]): boolean {
    const billingOwnerId = subscription.billingOwner.id;
    const invoiceFor = (periodStart: Date, periodEnd: Date, lines: NewInvoiceLine[]): NewInvoice => ({
      organizationId: subscription.organization.id,
      billingOwnerId,
      subscriptionId: subscription.id,
      recipient,
      periodStart,
      periodEnd,
      lines,
    });
    while (subscription.currentPeriodEnd.getTime() <= at.getTime()) {
      if (subscription.cancelAtPeriodEnd) {
        const closing = proratedLines(subscription, { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd }, conditions);
        subscription.status = SubscriptionStatus.Cancelled;
        subscription.endedAt = subscription.currentPeriodEnd;
        // Addon time booked during the last period is billed like any other: here, with no next period, on a closing invoice.
        if (closing.length > 0) invoices.push(invoiceFor(closing[0].periodStart, subscription.currentPeriodEnd, closing));
        return true;
      }
      const previous: BillingPeriod = { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd };
      const start = previous.end;
      const end = periodEnd(start, subscription.plan.interval);
      subscription.currentPeriodStart = start;
      subscription.currentPeriodEnd = end;
      invoices.push(invoiceFor(start, end, periodLines(subscription, previous, conditions)));
    }
    return false;
  }
}

interface BatchResult {
  invoicesIssued: number;
  subscriptionsEnded: number;
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
