import { CreateRequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { renderMail } from '../../libs/mail-templates';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MAIL_QUEUE } from '../queue/queue-names';
import { MailDelivery, MailDeliveryStatus } from './mail-delivery.entity';
import { UndeliverableMailError, loadMailData } from './mail-data.loader';
import { MailSender } from './mail-sender';
import { SEND_MAIL_JOB, SendMailJob } from './mail.service';
import { SecretBox } from './secret-box';

const CONCURRENCY = 4;

/** Sends queued mails: renders them from current data, sends, and erases the secret they carried. */
@Injectable()
export class MailProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<SendMailJob>,
    private readonly em: EntityManager,
    private readonly sender: MailSender,
    private readonly secretBox: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Registered here rather than with @Process(): Bull's start-up promise rejects when the
    // application stops before Redis ever answered, and @nestjs/bull leaves it unhandled.
    this.queue
      .process(SEND_MAIL_JOB, CONCURRENCY, (job) => this.send(job))
      .catch((error: unknown) => this.logger.warn(`Mail worker stopped: ${error instanceof Error ? error.message : String(error)}`));
  }

  @CreateRequestContext()
  async send(job: Job<SendMailJob>): Promise<void> {
    const delivery = await this.em.findOne(MailDelivery, { id: job.data.deliveryId });
    // Sent already: the job was relayed or retried once more than needed.
    if (!delivery || delivery.status === MailDeliveryStatus.Sent) return;
    const attempt = job.attemptsMade + 1;

    try {
      const secret = delivery.secretCiphertext ? this.secretBox.open(delivery.secretCiphertext) : undefined;
      const { template, data } = await loadMailData(this.em, delivery, this.config, secret);
      const rendered = renderMail(template, data);
      await this.sender.send({ ...rendered, to: delivery.recipient, senderName: data.brand.name }, `${delivery.createdAt.getTime()}-${delivery.id}`);
    } catch (error) {
      await this.recordFailure(job, delivery, attempt, error);
      throw error;
    }

    await this.em.nativeUpdate(
      MailDelivery,
      { id: delivery.id },
      { status: MailDeliveryStatus.Sent, sentAt: new Date(), secretCiphertext: null, attempts: attempt, lastError: null },
    );
  }

  private async recordFailure(job: Job<SendMailJob>, delivery: MailDelivery, attempt: number, error: unknown): Promise<void> {
    const undeliverable = error instanceof UndeliverableMailError;
    if (undeliverable) await job.discard();
    const lastAttempt = undeliverable || attempt >= (job.opts.attempts ?? 1);
    const message = error instanceof Error ? error.message : String(error);
    await this.em.nativeUpdate(
      MailDelivery,
      { id: delivery.id },
      { attempts: attempt, lastError: message, ...(lastAttempt ? { status: MailDeliveryStatus.Failed } : {}) },
    );
    this.logger.warn(`Mail ${delivery.id} (${delivery.template}) attempt ${attempt} failed${lastAttempt ? ' for good' : ''}: ${message}`);
  }
}
