import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { requireTransaction } from '../database/transaction';
import { MailErrors } from './mail.errors';
import { OutboxService } from '../outbox/outbox.service';
import { MAIL_QUEUE } from '../queue/queue-names';
import { SecretBox } from './secret-box';
import { MailDelivery, MailDeliveryStatus, claimExpired } from './mail-delivery.entity';

export const SEND_MAIL_JOB = 'send';

export interface SendMailJob {
  deliveryId: string;
}

export interface MailRequest {
  template: string;
  recipient: string;
  organizationId?: string;
  /** Ids the template loads its data from. */
  references: Record<string, string>;
  /** Makes the mail unique: see queueOnce. */
  dedupeKey?: string;
  /** The one secret a mail may carry (a generated password): stored encrypted, erased once sent. */
  secret?: string;
}

@Injectable()
export class MailService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    private readonly secretBox: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records the mail and its job in the caller's transaction. */
  queue(request: MailRequest): MailDelivery {
    const em = this.em.getContext();
    const delivery = em.create(MailDelivery, {
      template: request.template,
      recipient: request.recipient,
      organizationId: request.organizationId,
      references: request.references,
      dedupeKey: request.dedupeKey ?? null,
      secretCiphertext: request.secret === undefined ? null : this.secretBox.seal(request.secret),
    });
    em.persist(delivery);
    this.outbox.enqueue({
      queue: MAIL_QUEUE,
      jobName: SEND_MAIL_JOB,
      jobId: `mail:${delivery.id}`,
      payload: { deliveryId: delivery.id } satisfies SendMailJob,
    });
    return delivery;
  }

  /**
   * Staff's "retry now", in the caller's transaction: a pending or failed delivery becomes due at
   * once and gets a job of its own (another attempt, also after the schedule was spent). A sent one,
   * or one a live worker holds, is refused.
   */
  async retryNow(deliveryId: string, now = new Date()): Promise<MailDelivery> {
    const em = requireTransaction(this.em, 'Retrying a mail');
    const delivery = await em.findOne(MailDelivery, { id: deliveryId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!delivery) throw MailErrors.deliveryNotFound();
    if (delivery.status === MailDeliveryStatus.Sent) throw MailErrors.alreadySent();
    if (delivery.status === MailDeliveryStatus.Sending && !claimExpired(delivery, this.config.mail.claimLeaseMs, now)) {
      throw MailErrors.beingSent();
    }
    delivery.status = MailDeliveryStatus.Pending;
    delivery.nextAttemptAt = now;
    delivery.claimedAt = null;
    this.outbox.enqueue({
      queue: MAIL_QUEUE,
      jobName: SEND_MAIL_JOB,
      jobId: `mail:${delivery.id}:${delivery.attempts}:staff-${now.getTime()}`,
      payload: { deliveryId: delivery.id } satisfies SendMailJob,
    });
    await em.flush();
    return delivery;
  }

  /**
   * Queues the mail unless one with the same key exists, in the caller's transaction. Callers
   * serialize on a row of their own (the invoice document) so the check cannot race; the unique
   * dedupe_key constraint stops whoever does not, by failing their transaction.
   */
  async queueOnce(request: MailRequest & { dedupeKey: string }): Promise<MailDelivery | undefined> {
    const existing = await this.em.getContext().count(MailDelivery, { dedupeKey: request.dedupeKey });
    return existing > 0 ? undefined : this.queue(request);
  }
}
