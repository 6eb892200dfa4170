import { Global, Module } from '@nestjs/common';
import { WebhookEvents } from './webhook-events.service';
import { WebhookFanOutRepository } from './webhook-fan-out.repository';

/** WebhookEvents for every module that fires events (like the outbox they go through, available everywhere). */
@Global()
@Module({ providers: [WebhookEvents, WebhookFanOutRepository], exports: [WebhookEvents] })
export class WebhookEventsModule {}
