import { Module, OnModuleInit } from '@nestjs/common';
import { IdempotencyModule } from '../../idempotency/idempotency.module';
import { LicensingModule } from '../../licensing/licensing.module';
import { OrganizationLifecycle } from '../../tenancy/organization-lifecycle';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { BillingAddressModule } from '../billing-address/billing-address.module';
import { CatalogModule } from '../catalog/catalog.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { BillingRunService } from './billing-run.service';
import { SubscriptionAddonsService } from './subscription-addons.service';
import { SubscriptionController } from './subscription.controller';
import { SubscriptionEndService } from './subscription-end.service';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';

/** Ordering, addons, cancelling, and the billing run that invoices each period. */
@Module({
  imports: [CatalogModule, InvoicesModule, BillingAddressModule, LicensingModule, IdempotencyModule, TenancyModule],
  controllers: [SubscriptionController],
  providers: [SubscriptionService, SubscriptionAddonsService, SubscriptionEndService, BillingRunService, SubscriptionRepository],
  exports: [SubscriptionService, BillingRunService],
})
export class SubscriptionsModule implements OnModuleInit {
  constructor(
    private readonly subscriptionEnd: SubscriptionEndService,
    private readonly lifecycle: OrganizationLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onDeleted('subscriptions', (organizationId) => this.subscriptionEnd.endWithOrganization(organizationId));
  }
}
