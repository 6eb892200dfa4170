import { BillingPeriod, unusedPeriod, unusedShareCents } from '../catalog/pricing';
import type { CreditedLine } from '../invoices/invoice.service';

export interface BilledLine {
  code: string;
  description: string;
  quantity: number;
  unitPriceCents: number;
  /** Set where the line billed a period of its own (a pro-rated addon), not the invoice's. */
  periodStart?: Date | null;
}

/**
 * What deleting an organization credits from the invoice that paid its current period: for each
 * line that billed that period in full and whose item is still booked (the plan, addons not
 * removed), the unused share from the day after the deletion to the period end. An addon removed
 * earlier is not credited (removing never refunds); addon time booked during the period and not
 * billed yet is not charged. Legacy lines without their own period: the first line of a code is
 * the full one (`periodLines` puts pro-rated lines last).
 */
export function deletionCredit(billed: readonly BilledLine[], stillBooked: ReadonlySet<string>, period: BillingPeriod, deletedAt: Date): CreditedLine[] {
  const unused = unusedPeriod(period, deletedAt);
  const seen = new Set<string>();
  const credited: CreditedLine[] = [];
  for (const line of billed) {
    if (line.periodStart || !stillBooked.has(line.code) || seen.has(line.code)) continue;
    seen.add(line.code);
    const creditedCents = unusedShareCents(line.quantity * line.unitPriceCents, period, deletedAt);
    if (creditedCents > 0) credited.push({ code: line.code, description: line.description, creditedCents, periodStart: unused.start, periodEnd: unused.end });
  }
  return credited;
}
