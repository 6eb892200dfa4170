import { Module } from '@nestjs/common';
import { QueueWorkerModule } from '../../queue/queue-worker.module';
import { BillingRunProcessor } from './billing-run.processor';
import { SubscriptionsModule } from './subscriptions.module';

/** The `billing` queue's worker and its daily repeatable job; imported only where workers run. */
@Module({ imports: [QueueWorkerModule, SubscriptionsModule], providers: [BillingRunProcessor] })
export class BillingRunWorkerModule {}
