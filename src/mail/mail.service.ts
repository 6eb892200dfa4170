import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutboxService } from '../outbox/outbox.service';
import { MAIL_QUEUE } from '../queue/queue-names';
import { SecretBox } from './secret-box';
import { MailDelivery } from './mail-delivery.entity';

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
  /** The one secret a mail may carry (a generated password): stored encrypted, erased once sent. */
  secret?: string;
}

@Injectable()
export class MailService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    private readonly secretBox: SecretBox,
  ) {}

  /** Records the mail and its job in the caller's transaction. */
  queue(request: MailRequest): MailDelivery {
    const em = this.em.getContext();
    const delivery = em.create(MailDelivery, {
      template: request.template,
      recipient: request.recipient,
      organizationId: request.organizationId,
      references: request.references,
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
}
