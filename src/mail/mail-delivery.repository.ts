import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { preparedQuery } from '../database/raw-query';
import { claimLeaseCutoff } from './mail-delivery.entity';

/** A delivery as one attempt at sending it sees it, just after claiming it. */
export interface ClaimedDelivery {
  id: string;
  template: string;
  recipient: string;
  references: Record<string, string>;
  secretCiphertext: string | null;
  createdAt: Date;
  /** This attempt's number (attempts so far, this one included). */
  attempts: number;
  /** This claim's time: the fence of every later write of the attempt. */
  claimedAt: Date;
  /** The claim took over from a worker that died after its SMTP transaction began: the mail may have been sent. */
  resending: boolean;
}

interface ClaimedRow {
  id: string;
  template: string;
  recipient: string;
  references: Record<string, string>;
  secret_ciphertext: string | null;
  /** timestamptz arrives as text (MikroORM's pg type parsers). */
  created_at: string;
  attempts: number;
  resending: boolean;
}

/**
 * The statements every mail attempt runs, as prepared statements (no query builder, parsed once
 * per connection): at 1 000 mails a minute they are most of a worker's database work.
 */
@Injectable()
export class MailDeliveryRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Claims the delivery for one attempt, in one statement: a pending one that is due, or one whose
   * claim is older than the lease (its worker died). Null when there is nothing to do: sent,
   * failed for good, not due yet, or claimed by a live worker. Of two workers claiming at once, the
   * second waits for the first's row lock and then finds the row no longer claimable.
   */
  async claim(deliveryId: string, leaseMs: number, now: Date): Promise<ClaimedDelivery | null> {
    const [row] = await preparedQuery<ClaimedRow>(
      this.em,
      `with before as (
         select id, status, smtp_started_at from mail_delivery where id = :id for update
       )
       update mail_delivery d
          set status = 'sending', claimed_at = :now, attempts = d.attempts + 1, smtp_started_at = null
         from before
        where d.id = before.id
          and ((d.status = 'pending' and (d.next_attempt_at is null or d.next_attempt_at <= :now))
            or (d.status = 'sending' and coalesce(d.claimed_at, '-infinity') < :leaseCutoff))
       returning d.id, d.template, d.recipient, d."references", d.secret_ciphertext, d.created_at, d.attempts,
                 (before.status = 'sending' and before.smtp_started_at is not null) as resending`,
      { id: deliveryId, now, leaseCutoff: claimLeaseCutoff(leaseMs, now) },
    );
    if (!row) return null;
    return {
      id: row.id,
      template: row.template,
      recipient: row.recipient,
      references: row.references,
      secretCiphertext: row.secret_ciphertext,
      createdAt: new Date(row.created_at),
      attempts: row.attempts,
      claimedAt: now,
      resending: row.resending,
    };
  }

  /** Records that the attempt's SMTP transaction begins; false when the claim is no longer this attempt's. */
  async markSmtpStarted(delivery: Pick<ClaimedDelivery, 'id' | 'claimedAt'>, at: Date): Promise<boolean> {
    const rows = await preparedQuery<{ id: string }>(
      this.em,
      `update mail_delivery set smtp_started_at = :at where id = :id and status = 'sending' and claimed_at = :claimedAt returning id`,
      { id: delivery.id, claimedAt: delivery.claimedAt, at },
    );
    return rows.length > 0;
  }

  /** Sent: the secret it carried is erased. */
  async markSent(delivery: Pick<ClaimedDelivery, 'id' | 'claimedAt'>, at: Date): Promise<void> {
    await preparedQuery(
      this.em,
      `update mail_delivery set status = 'sent', sent_at = :at, secret_ciphertext = null, last_error = null, next_attempt_at = null
        where id = :id and claimed_at = :claimedAt`,
      { id: delivery.id, claimedAt: delivery.claimedAt, at },
    );
  }
}
