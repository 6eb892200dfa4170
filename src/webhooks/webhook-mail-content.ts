import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { formatDate } from '../../libs/pdf';
import { User } from '../accounts/user.entity';
import { asOrganizationId } from '../common/organization-id';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LoadedMail, MailDeliveryView, UndeliverableMailError } from '../mail/mail-content';
import { MailContentRegistry } from '../mail/mail-content.registry';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export const WEBHOOK_DISABLED_TEMPLATE = 'webhook-disabled';

/** The mail telling an organization's admins that one of its webhooks was disabled, loaded when it is sent. */
@Injectable()
export class WebhookMailContent implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: MailContentRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.provideTemplates([WEBHOOK_DISABLED_TEMPLATE], (delivery) => this.load(delivery));
  }

  private async load(delivery: MailDeliveryView): Promise<LoadedMail> {
    const { userId, organizationId, endpointId } = delivery.references;
    const em = this.em.fork();
    const [user, endpoint] = await Promise.all([em.findOne(User, { id: userId }), em.findOne(WebhookEndpoint, { id: endpointId })]);
    if (!user) throw new UndeliverableMailError(`User ${userId} no longer exists`);
    if (!endpoint) throw new UndeliverableMailError(`Webhook ${endpointId} no longer exists`);
    const { attachments, organizationName, replyTo, ...frame } = await this.registry.organizationFrame(asOrganizationId(organizationId));
    const lastFailure = await em.findOne(
      WebhookDelivery,
      { endpoint: endpointId, lastError: { $ne: null } },
      { orderBy: { lastAttemptAt: 'desc' }, fields: ['lastError'] },
    );
    return {
      template: WEBHOOK_DISABLED_TEMPLATE,
      data: {
        ...frame,
        recipientName: user.name,
        recipientEmail: delivery.recipient,
        organizationName,
        loginUrl: this.config.publicUrl,
        url: endpoint.url,
        failingSince: formatDate(endpoint.failingSince ?? endpoint.disabledAt ?? new Date(), frame.locale),
        lastError: lastFailure?.lastError ?? undefined,
        deliveriesUrl: `${this.config.publicUrl}/organizations/${organizationId}/webhooks/${endpointId}/deliveries`,
      },
      attachments,
      replyTo,
    };
  }
}
