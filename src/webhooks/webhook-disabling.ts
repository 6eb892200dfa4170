import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { asOrganizationId } from '../common/organization-id';
import { inOwnTransaction } from '../database/transaction';
import { MailService } from '../mail/mail.service';
import { WEBHOOK_DISABLED_TEMPLATE } from './webhook-mail-content';
import { WebhookRepository } from './webhook.repository';

/** Disables an endpoint that has accepted nothing for too long, and tells its organization's admins once. */
@Injectable()
export class WebhookDisabling {
  private readonly logger = new Logger(WebhookDisabling.name);

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailService,
    private readonly webhooks: WebhookRepository,
  ) {}

  async disable(endpointId: string, failingSince: Date): Promise<void> {
    await inOwnTransaction(this.em, async () => {
      const endpoint = await this.webhooks.disable(endpointId, `no event accepted since ${failingSince.toISOString()}`);
      if (!endpoint) return; // another worker disabled it first and mailed
      const admins = await this.webhooks.adminRecipients(asOrganizationId(endpoint.organization_id));
      for (const admin of admins) {
        this.mail.queue({
          template: WEBHOOK_DISABLED_TEMPLATE,
          recipient: admin.email,
          organizationId: endpoint.organization_id,
          references: { userId: admin.id, organizationId: endpoint.organization_id, endpointId },
        });
      }
      this.logger.warn(`Webhook ${endpointId} (${endpoint.url}) disabled: no event accepted since ${failingSince.toISOString()}; ${admins.length} admin(s) mailed`);
    });
  }
}
