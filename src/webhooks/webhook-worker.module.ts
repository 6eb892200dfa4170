import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { QueueWorkerModule } from '../queue/queue-worker.module';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDisabling } from './webhook-disabling';
import { WebhooksModule } from './webhooks.module';
import { TrialEvents } from './trial-events';

/** The `webhook` queue's worker; imported only where workers run. */
@Module({ imports: [QueueWorkerModule, MailModule, WebhooksModule], providers: [WebhookDeliveryProcessor, WebhookDeliveryRepository, WebhookDisabling, TrialEvents] })
export class WebhookWorkerModule {}
