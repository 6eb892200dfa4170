import { CreateRequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bull';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { renderMail } from '../../libs/mail-templates';
import { MAIL_QUEUE } from '../queue/queue-names';
import { MailDelivery, MailDeliveryStatus, claimLeaseCutoff } from './mail-delivery.entity';
import { ClaimedDelivery, MailDeliveryRepository } from './mail-delivery.repository';
import { UndeliverableMailError } from './mail-content';
import { MailContentRegistry } from './mail-content.registry';
import { MailSender } from './mail-sender';
import { SEND_MAIL_JOB, SendMailJob } from './mail.service';
import { SecretBox } from './secret-box';
import { nothingWasDelivered } from './smtp-failure';
import { errorMessage } from '../common/error-message';
import { processJobs } from '../queue/process-jobs';
import { queueConnectionsSettled } from '../queue/queue-connections';
import { REDRIVE_BATCH, STUCK_AFTER_MS, Sweeper } from '../queue/sweeper';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RELAYED_JOB_OPTIONS } from '../outbox/outbox-relay.service';

/**
 * Mails in progress at once per worker. Most of a mail's time is waiting (PostgreSQL, the SMTP
 * server), so more mails than MailSender's pooled connections: the others load and render meanwhile.
 */
const CONCURRENCY = 16;

/** Sends queued mails: renders them from current data, sends, and erases the secret they carried. */
@Injectable()
export class MailProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);
  private readonly retryScheduleMs: number[];
  private readonly claimLeaseMs: number;

  constructor(
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<SendMailJob>,
    private readonly em: EntityManager,
    private readonly sender: MailSender,
    private readonly secretBox: SecretBox,
    private readonly content: MailContentRegistry,
    private readonly sweeper: Sweeper,
    private readonly deliveries: MailDeliveryRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.retryScheduleMs = config.mail.retryScheduleMs;
    this.claimLeaseMs = config.mail.claimLeaseMs;
  }

  onApplicationBootstrap(): void {
    processJobs(this.queue, SEND_MAIL_JOB, CONCURRENCY, (job) => this.send(job.data.deliveryId), this.logger);
    this.sweeper.register('mail deliveries', () => this.redrive());
  }

  /**
   * Stops taking mail jobs in this process and waits for the running ones. The queues close (and
   * wait for their jobs) only after MailSender has closed its SMTP pool, so without this a running
   * job would find the pool closed. The pause is local: other workers go on.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await queueConnectionsSettled([this.queue]);
    await this.queue
      .pause(true)
      .catch((error: unknown) => this.logger.warn(`Mail worker did not pause: ${errorMessage(error)}`));
  }

  /**
   * Sends one delivery, its state durable in PostgreSQL at each step: claimed (`sending`, attempts
   * + 1, a lease), then `smtpStartedAt` written before the first byte goes to the SMTP server, then
   * `sent`. A worker that dies before `smtpStartedAt` never reached SMTP: its claim expires and the
   * mail is sent as if for the first time. One that dies after it may have sent the mail: it is sent
   * again with the same Message-ID, which receiving systems use to drop the duplicate. A failed
   * attempt is retried after the next delay of MAIL_RETRY_SCHEDULE_SECONDS, by the sweeper, so retries
   * survive Redis; after the last one the delivery is `failed` and reported to staff.
   */
  @CreateRequestContext()
  async send(deliveryId: string): Promise<void> {
    const delivery = await this.deliveries.claim(deliveryId, this.claimLeaseMs, new Date());
    if (!delivery) return;
    if (delivery.resending) this.logger.warn(`Mail ${delivery.id} (${delivery.template}): its worker died during SMTP; sending it again with the same Message-ID`);

    let smtpStarted = false;
    try {
      const secret = delivery.secretCiphertext ? this.secretBox.open(delivery.secretCiphertext) : undefined;
      const { template, data, attachments, replyTo } = await this.content.load(delivery, secret);
      const rendered = renderMail(template, data);
      // Fenced by the claim: if this worker was too slow and its lease went to another one, it stops here.
      if (!(await this.deliveries.markSmtpStarted(delivery, new Date()))) return;
      smtpStarted = true;
      await this.sender.send(
        { ...rendered, to: delivery.recipient, senderName: data.brand.name, attachments, replyTo, messageId: mailMessageId(delivery) },
        `${delivery.createdAt.getTime()}-${delivery.id}`,
      );
    } catch (error) {
      await this.recordFailure(delivery, error, smtpStarted && !nothingWasDelivered(error));
      return;
    }
    await this.deliveries.markSent(delivery, new Date());
  }

  private async recordFailure(delivery: ClaimedDelivery, error: unknown, possiblySent: boolean): Promise<void> {
    const attempt = delivery.attempts;
    const delayMs = error instanceof UndeliverableMailError ? undefined : this.retryScheduleMs[attempt - 1];
    const message = `${possiblySent ? 'possibly sent (it is sent again with the same Message-ID): ' : ''}${errorMessage(error)}`;
    const failed = delayMs === undefined;
    await this.em.nativeUpdate(
      MailDelivery,
      { id: delivery.id, claimedAt: delivery.claimedAt },
      {
        status: failed ? MailDeliveryStatus.Failed : MailDeliveryStatus.Pending,
        nextAttemptAt: failed ? null : new Date(Date.now() + delayMs),
        claimedAt: null,
        lastError: message,
      },
    );
    if (failed) {
      this.logger.error(`Mail ${delivery.id} (${delivery.template} to ${delivery.recipient}) failed for good after ${attempt} attempt(s): ${message}. Staff are told in the next failure report and see it under Mail deliveries in the back-office.`);
    } else {
      this.logger.warn(`Mail ${delivery.id} (${delivery.template}) attempt ${attempt} failed, next in ${Math.round(delayMs / 1000)} s: ${message}`);
    }
  }

  /**
   * The sweep: queues every delivery that is due again (its retry time has come, its first job was
   * lost, or its worker died) with a job id of its own per attempt, so no completed or failed job of
   * an earlier attempt stands in the way. A delivery whose worker died after its last attempt fails.
   */
  async redrive(now = new Date()): Promise<number> {
    const due = await this.em.fork().find(
      MailDelivery,
      {
        $or: [
          { status: MailDeliveryStatus.Pending, nextAttemptAt: { $lte: now } },
          { status: MailDeliveryStatus.Pending, nextAttemptAt: null, createdAt: { $lt: new Date(now.getTime() - STUCK_AFTER_MS) } },
          { status: MailDeliveryStatus.Sending, claimedAt: { $lt: claimLeaseCutoff(this.claimLeaseMs, now) } },
        ],
      },
      { fields: ['id', 'template', 'status', 'attempts'], orderBy: { createdAt: 'asc' }, limit: REDRIVE_BATCH },
    );
    let queued = 0;
    for (const delivery of due) {
      if (delivery.status === MailDeliveryStatus.Sending && delivery.attempts > this.retryScheduleMs.length) {
        await this.em.fork().nativeUpdate(
          MailDelivery,
          { id: delivery.id, status: MailDeliveryStatus.Sending, attempts: delivery.attempts },
          { status: MailDeliveryStatus.Failed, claimedAt: null, lastError: 'its worker died during the last attempt' },
        );
        this.logger.error(`Mail ${delivery.id} (${delivery.template}) failed for good: its worker died during attempt ${delivery.attempts}, the last. Staff: see Mail deliveries in the back-office.`);
        continue;
      }
      await this.queue.add(SEND_MAIL_JOB, { deliveryId: delivery.id }, { ...RELAYED_JOB_OPTIONS, jobId: `mail:${delivery.id}:${delivery.attempts}` });
      queued += 1;
    }
    return queued;
  }
}

/** The same for every attempt of one delivery, so a mail sent twice after a crash is recognisably one. */
export const mailMessageId = (delivery: Pick<MailDelivery, 'id'>) => `<${delivery.id}@partnerhub.mail>`;
