import { Module } from '@nestjs/common';
import { BillingProfileModule } from './billing-profile.module';
import { CatalogService } from './catalog.service';
import { IdempotencyService } from './idempotency.service';
import { InvoiceService } from './invoice.service';
import { InvoicesController } from './invoices.controller';
import { SubscriptionController } from './subscription.controller';
import { SubscriptionService } from './subscription.service';

/** Catalog, partner conditions, subscriptions and invoices. */
@Module({
  imports: [BillingProfileModule],
  controllers: [SubscriptionController, InvoicesController],
  providers: [CatalogService, IdempotencyService, InvoiceService, SubscriptionService],
  exports: [CatalogService, InvoiceService, SubscriptionService],
})
export class BillingModule {}
