import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { User } from '../../accounts/user.entity';
import { asOrganizationId } from '../../common/organization-id';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LoadedMail, MailDeliveryView, UndeliverableMailError } from '../../mail/mail-content';
import { MailContentRegistry } from '../../mail/mail-content.registry';

export const PASSWORD_RESET_TEMPLATE = 'password-reset';
/** Minutes a reset link works. */
export const RESET_VALID_MINUTES = 30;

/** The password reset mail, branded by the user's oldest organization, in its language. */
@Injectable()
export class PasswordResetMailContent implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: MailContentRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.provideTemplates([PASSWORD_RESET_TEMPLATE], (delivery, secret) => this.load(delivery, secret));
  }

  private async load(delivery: MailDeliveryView, token: string | undefined): Promise<LoadedMail> {
    // Sent once, then the token is erased: a retry after that has nothing to send.
    if (!token) throw new UndeliverableMailError('The reset token is no longer stored');
    const { userId, organizationId } = delivery.references;
    const user = await this.em.fork().findOne(User, { id: userId });
    if (!user) throw new UndeliverableMailError(`User ${userId} no longer exists`);
    const { attachments, organizationName, replyTo, ...frame } = await this.registry.organizationFrame(asOrganizationId(organizationId));
    return {
      template: PASSWORD_RESET_TEMPLATE,
      data: {
        ...frame,
        recipientName: user.name,
        recipientEmail: delivery.recipient,
        organizationName,
        loginUrl: this.config.publicUrl,
        resetUrl: `${this.config.publicUrl}/password-reset?token=${encodeURIComponent(token)}`,
        token,
        validMinutes: RESET_VALID_MINUTES,
      },
      attachments,
      replyTo,
    };
  }
}
