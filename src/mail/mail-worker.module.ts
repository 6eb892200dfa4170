import { Module } from '@nestjs/common';
import { QueueWorkerModule } from '../queue/queue-worker.module';
import { DeliveryFailureReport } from './delivery-failure-report';
import { MailDeliveryRepository } from './mail-delivery.repository';
import { MailSender } from './mail-sender';
import { MailModule } from './mail.module';
import { MailProcessor } from './mail.processor';

/** The `mail` queue's worker; imported only where workers run. */
@Module({ imports: [QueueWorkerModule, MailModule], providers: [MailProcessor, MailSender, DeliveryFailureReport, MailDeliveryRepository] })
export class MailWorkerModule {}
