import { Module } from '@nestjs/common';
import { LicensingModule } from '../licensing/licensing.module';
import { MailModule } from '../mail/mail.module';
import { BillingProfileModule } from './billing-profile.module';
import { BillingRunService } from './billing-run.service';
import { CatalogService } from './catalog.service';
import { IdempotencyService } from './idempotency.service';
import { InvoiceMailContent } from './invoice-mail-content';
import { InvoiceDeliveryService } from './invoice-delivery.service';
import { InvoiceDocumentService } from './invoice-document.service';
import { InvoiceService } from './invoice.service';
import { InvoicesController } from './invoices.controller';
import { SubscriptionController } from './subscription.controller';
import { SubscriptionAddonsService } from './subscription-addons.service';
import { SubscriptionService } from './subscription.service';

/** Catalog, partner conditions, subscriptions and invoices. */
@Module({
  imports: [BillingProfileModule, MailModule, LicensingModule],
  controllers: [SubscriptionController, InvoicesController],
  providers: [CatalogService, IdempotencyService, InvoiceService, InvoiceDocumentService, InvoiceDeliveryService, InvoiceMailContent, SubscriptionService, SubscriptionAddonsService, BillingRunService],
  exports: [CatalogService, InvoiceService, InvoiceDeliveryService, InvoiceMailContent, SubscriptionService, BillingRunService],
})
export class BillingModule {}
