import { Module } from '@nestjs/common';
import { BillingRunProcessor } from './billing-run.processor';
import { BillingModule } from './billing.module';

/** The `billing` queue's worker and its daily repeatable job; imported only where workers run. */
@Module({ imports: [BillingModule], providers: [BillingRunProcessor] })
export class BillingRunWorkerModule {}
