import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DEFAULT_LOCALE } from '../../libs/i18n';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { inOwnTransaction } from '../database/transaction';
import { Sweeper } from '../queue/sweeper';
import { LoadedMail, MailDeliveryView } from './mail-content';
import { MailContentRegistry } from './mail-content.registry';
import { MailDelivery, MailDeliveryStatus } from './mail-delivery.entity';
import { MailService } from './mail.service';

export const DELIVERY_FAILURES_TEMPLATE = 'delivery-failures';
/** Failures one report covers; more wait for the next sweep's report. */
const REPORT_BATCH = 200;
/** Failures a report mail lists one by one; the back-office shows them all. */
const LISTED_FAILURES = 50;

/**
 * Tells staff about mails that failed for good (their whole retry schedule spent, or undeliverable):
 * a sweep gathers the failures no report has covered yet into one report, marks them with its id in
 * the same transaction and queues one mail per staff address (STAFF_ALERT_EMAIL) through the mail
 * pipeline, with its retries. A report that fails itself is not reported again: staff find it in the
 * back-office with the rest.
 */
@Injectable()
export class DeliveryFailureReport implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeliveryFailureReport.name);

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailService,
    private readonly registry: MailContentRegistry,
    private readonly sweeper: Sweeper,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.provideTemplates([DELIVERY_FAILURES_TEMPLATE], (delivery) => this.load(delivery));
    this.sweeper.register('delivery failure reports', () => this.reportNewFailures());
  }

  /** Returns how many failures the new report covers (0: nothing to report). */
  async reportNewFailures(): Promise<number> {
    return inOwnTransaction(this.em, async (em) => {
      const failures = await em.find(
        MailDelivery,
        { status: MailDeliveryStatus.Failed, failureReportId: null, template: { $ne: DELIVERY_FAILURES_TEMPLATE } },
        { fields: ['id'], orderBy: { createdAt: 'asc' }, limit: REPORT_BATCH, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (failures.length === 0) return 0;
      const reportId = randomUUID();
      await em.nativeUpdate(MailDelivery, { id: { $in: failures.map((failure) => failure.id) } }, { failureReportId: reportId });
      for (const recipient of this.config.mail.staffAlertRecipients) {
        this.mail.queue({ template: DELIVERY_FAILURES_TEMPLATE, recipient, references: { reportId } });
      }
      this.logger.warn(`Reported ${failures.length} failed mail(s) to ${this.config.mail.staffAlertRecipients.join(', ')}`);
      return failures.length;
    });
  }

  private async load(delivery: MailDeliveryView): Promise<LoadedMail> {
    const failures = await this.em.find(
      MailDelivery,
      { failureReportId: delivery.references.reportId },
      { fields: ['template', 'recipient', 'attempts', 'createdAt', 'lastError'], orderBy: { createdAt: 'asc' } },
    );
    // Staff read the platform's default language.
    const frame = await this.registry.vendorFrame(DEFAULT_LOCALE);
    return {
      template: 'delivery-failures',
      data: {
        ...frame,
        recipientName: `${this.config.vendor.name} staff`,
        loginUrl: `${this.config.publicUrl}/admin/resources/MailDelivery?filters.status=${MailDeliveryStatus.Failed}`,
        count: failures.length,
        failures: failures.slice(0, LISTED_FAILURES).map((failure) => ({
          template: failure.template,
          recipient: failure.recipient,
          attempts: failure.attempts,
          queuedAt: `${failure.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          lastError: failure.lastError ?? 'unknown',
        })),
        more: Math.max(0, failures.length - LISTED_FAILURES),
      },
    };
  }
}
