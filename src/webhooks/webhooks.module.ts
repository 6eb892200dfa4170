import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { WebhookMailContent } from './webhook-mail-content';
import { WebhookSender } from './webhook-sender';
import { WebhookRepository } from './webhook.repository';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Organizations' webhooks (API.md v1.1): their routes, the mail about a disabled one, and the sender the worker shares. */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookRepository, WebhookSender, WebhookMailContent],
  exports: [WebhookSender, WebhookRepository],
})
export class WebhooksModule {}
