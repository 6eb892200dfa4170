import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { rawQuery } from '../../database/raw-query';
import { requireTransaction } from '../../database/transaction';

/** The subscription row locks and the billing run's due list. */
@Injectable()
export class SubscriptionRepository {
  constructor(private readonly em: EntityManager) {}

  /** The organization's active subscription, its row locked until the caller's transaction ends; null without one. */
  async lockActive(organizationId: OrganizationId): Promise<string | null> {
    requireTransaction(this.em, 'Locking the active subscription');
    const [row] = await rawQuery<{ id: string }>(
      this.em,
      `select id from subscription where organization_id = :organizationId and status = 'active' for update`,
      { organizationId },
    );
    return row?.id ?? null;
  }

  /** Every active subscription of a live organization whose period has ended by `at`, oldest first. Read outside any transaction. */
  async dueAt(at: Date): Promise<string[]> {
    const rows = await rawQuery<{ id: string }>(
      this.em.fork(),
      `select s.id from subscription s join organization o on o.id = s.organization_id
        where s.status = 'active' and s.current_period_end <= :at and o.deleted_at is null
        order by s.current_period_end, s.id`,
      { at },
    );
    return rows.map((row) => row.id);
  }

  /**
   * Locks the subscriptions among `subscriptionIds` that are still due, for billing, and returns
   * their ids in the order given; left out are those no longer due (a concurrent run billed them
   * since they were listed) and those another run holds now.
   */
  async lockDue(subscriptionIds: string[], at: Date): Promise<string[]> {
    requireTransaction(this.em, 'Billing a subscription');
    const rows = await rawQuery<{ id: string }>(
      this.em,
      `select s.id from subscription s join organization o on o.id = s.organization_id
        where s.id in (:subscriptionIds) and s.status = 'active' and s.current_period_end <= :at and o.deleted_at is null
        for update of s skip locked`,
      { subscriptionIds, at },
    );
    const locked = new Set(rows.map((row) => row.id));
    return subscriptionIds.filter((id) => locked.has(id));
  }
}
