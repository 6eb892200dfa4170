import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { asOrganizationId } from '../common/organization-id';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LoadedMail, MailDeliveryView, UndeliverableMailError } from '../mail/mail-content';
import { MailContentRegistry } from '../mail/mail-content.registry';
import { User } from './user.entity';

export const ACCOUNT_MAIL_TEMPLATES = ['invitation', 'membership-added', 'temporary-password'] as const;

/** The content of the mails about a user's account in an organization, loaded when they are sent. */
@Injectable()
export class AccountMailContent implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: MailContentRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.provideTemplates(ACCOUNT_MAIL_TEMPLATES, (delivery, secret) => this.load(delivery, secret));
  }

  private async load(delivery: MailDeliveryView, secret: string | undefined): Promise<LoadedMail> {
    const { userId, organizationId } = delivery.references;
    const user = await this.em.findOne(User, { id: userId });
    if (!user) throw new UndeliverableMailError(`User ${userId} no longer exists`);
    const { attachments, organizationName, replyTo, ...frame } = await this.registry.organizationFrame(asOrganizationId(organizationId));
    const common = { ...frame, recipientName: user.name, recipientEmail: delivery.recipient, organizationName, loginUrl: this.config.publicUrl };
    switch (delivery.template) {
      case 'invitation':
        return { template: 'invitation', data: { ...common, temporaryPassword: secret }, attachments, replyTo };
      case 'temporary-password':
        // Sent once, then the secret is erased: a retry after that has nothing to send.
        if (!secret) throw new UndeliverableMailError('The temporary password is no longer stored');
        return { template: 'temporary-password', data: { ...common, temporaryPassword: secret }, attachments, replyTo };
      default:
        return { template: 'membership-added', data: common, attachments, replyTo };
    }
  }
}
