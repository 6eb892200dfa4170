import { CreateRequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bull';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { renderMail } from '../../libs/mail-templates';
import { MAIL_QUEUE } from '../queue/queue-names';
import { MailDelivery, MailDeliveryStatus } from './mail-delivery.entity';
import { UndeliverableMailError } from './mail-content';
import { MailContentRegistry } from './mail-content.registry';
import { MailSender } from './mail-sender';
import { SEND_MAIL_JOB, SendMailJob } from './mail.service';
import { SecretBox } from './secret-box';
import { nothingWasDelivered } from './smtp-failure';
import { errorMessage } from '../common/error-message';
import { processJobs } from '../queue/process-jobs';

/**
 * Mails in progress at once per worker. Most of a mail's time is waiting (PostgreSQL, the SMTP
 * server), so more mails than MailSender's pooled connections: the others load and render meanwhile.
 */
const CONCURRENCY = 16;
/** A claim older than this belongs to a worker that died while sending. */
const STALE_CLAIM_MS = 10 * 60_000;

/** Sends queued mails: renders them from current data, sends, and erases the secret they carried. */
@Injectable()
export class MailProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<SendMailJob>,
    private readonly em: EntityManager,
    private readonly sender: MailSender,
    private readonly secretBox: SecretBox,
    private readonly content: MailContentRegistry,
  ) {}

  onApplicationBootstrap(): void {
    processJobs(this.queue, SEND_MAIL_JOB, CONCURRENCY, (job) => this.send(job), this.logger);
  }

  /**
   * Stops taking mail jobs in this process and waits for the running ones. The queues close (and
   * wait for their jobs) only after MailSender has closed its SMTP pool, so without this a running
   * job would find the pool closed and leave its mail "sending" as possibly sent. The pause is
   * local: other workers go on.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue
      .pause(true)
      .catch((error: unknown) => this.logger.warn(`Mail worker did not pause: ${errorMessage(error)}`));
  }

  /**
   * At most once: the delivery is claimed (`pending`/`failed` → `sending`) before anything goes to
   * SMTP, and only a claim makes a send. A worker that dies after the server accepted the mail but
   * before marking it sent leaves it `sending`; a rerun then sends nothing and staff decide (see
   * STALE_CLAIM_MS). The price is that such a mail may never arrive, rather than arrive twice: an
   * invoice or a password must not be sent twice. Failures where the server certainly kept nothing
   * (before SMTP starts, connection refused, a 4xx/5xx answer) release the claim and retry with backoff.
   */
  @CreateRequestContext()
  async send(job: Job<SendMailJob>): Promise<void> {
    const delivery = await this.em.findOne(MailDelivery, { id: job.data.deliveryId });
    // Sent already: the job was relayed or retried once more than needed.
    if (!delivery || delivery.status === MailDeliveryStatus.Sent) return;
    const attempt = job.attemptsMade + 1;

    const claimed = await this.em.nativeUpdate(
      MailDelivery,
      { id: delivery.id, status: { $in: [MailDeliveryStatus.Pending, MailDeliveryStatus.Failed] } },
      { status: MailDeliveryStatus.Sending, claimedAt: new Date() },
    );
    if (claimed === 0) {
      await this.reportUnclaimed(delivery.id);
      return;
    }

    let smtpStarted = false;
    try {
      const secret = delivery.secretCiphertext ? this.secretBox.open(delivery.secretCiphertext) : undefined;
      const { template, data, attachments } = await this.content.load(delivery, secret);
      const rendered = renderMail(template, data);
      smtpStarted = true;
      await this.sender.send(
        { ...rendered, to: delivery.recipient, senderName: data.brand.name, attachments },
        `${delivery.createdAt.getTime()}-${delivery.id}`,
      );
    } catch (error) {
      if (smtpStarted && !nothingWasDelivered(error)) {
        await this.keepClaimForStaff(job, delivery, attempt, error);
      } else {
        await this.recordFailure(job, delivery, attempt, error);
      }
      throw error;
    }

    await this.em.nativeUpdate(
      MailDelivery,
      { id: delivery.id },
      { status: MailDeliveryStatus.Sent, sentAt: new Date(), secretCiphertext: null, attempts: attempt, lastError: null },
    );
  }

  private async reportUnclaimed(deliveryId: string): Promise<void> {
    const current = await this.em.findOne(MailDelivery, { id: deliveryId }, { refresh: true });
    if (current?.status !== MailDeliveryStatus.Sending) return;
    const claimedFor = Date.now() - (current.claimedAt?.getTime() ?? 0);
    if (claimedFor > STALE_CLAIM_MS) {
      this.logger.error(`Mail ${deliveryId} (${current.template}) has been "sending" since ${current.claimedAt?.toISOString()}: a worker died while sending it. Not resending; staff must check whether it arrived.`);
    } else {
      this.logger.warn(`Mail ${deliveryId} (${current.template}) is being sent by another job; not sending it again`);
    }
  }

  private async recordFailure(job: Job<SendMailJob>, delivery: MailDelivery, attempt: number, error: unknown): Promise<void> {
    const undeliverable = error instanceof UndeliverableMailError;
    if (undeliverable) await job.discard();
    const lastAttempt = undeliverable || attempt >= (job.opts.attempts ?? 1);
    const message = errorMessage(error);
    await this.em.nativeUpdate(
      MailDelivery,
      { id: delivery.id },
      { attempts: attempt, lastError: message, claimedAt: null, status: lastAttempt ? MailDeliveryStatus.Failed : MailDeliveryStatus.Pending },
    );
    this.logger.warn(`Mail ${delivery.id} (${delivery.template}) attempt ${attempt} failed${lastAttempt ? ' for good' : ''}: ${message}`);
  }

  /** The SMTP server may have accepted the mail (e.g. the connection broke during DATA): no retry. */
  private async keepClaimForStaff(job: Job<SendMailJob>, delivery: MailDelivery, attempt: number, error: unknown): Promise<void> {
    await job.discard();
    const message = errorMessage(error);
    await this.em.nativeUpdate(MailDelivery, { id: delivery.id }, { attempts: attempt, lastError: `possibly sent: ${message}` });
    this.logger.error(`Mail ${delivery.id} (${delivery.template}) may or may not have been sent (${message}); left "sending" for staff, not retried`);
  }
}
