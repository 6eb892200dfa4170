import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../idempotency/idempotency.module';
import { LicensingModule } from '../../licensing/licensing.module';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { BillingAddressModule } from '../billing-address/billing-address.module';
import { CatalogModule } from '../catalog/catalog.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { BillingRunService } from './billing-run.service';
import { SubscriptionAddonsService } from './subscription-addons.service';
import { SubscriptionController } from './subscription.controller';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';

/** Ordering, addons, cancelling, and the billing run that invoices each period. */
@Module({
  imports: [CatalogModule, InvoicesModule, BillingAddressModule, LicensingModule, IdempotencyModule, TenancyModule],
  controllers: [SubscriptionController],
  providers: [SubscriptionService, SubscriptionAddonsService, BillingRunService, SubscriptionRepository],
  exports: [SubscriptionService, BillingRunService],
})
export class SubscriptionsModule {}
