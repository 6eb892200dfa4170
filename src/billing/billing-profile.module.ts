import { Module, OnModuleInit } from '@nestjs/common';
import { OrganizationCleanupRegistry } from '../tenancy/organization-cleanup.registry';
import { BillingAddressController } from './billing-address.controller';
import { BillingAddressService } from './billing-address.service';
import { PaymentMethodsController } from './payment-methods.controller';
import { PaymentMethodsService } from './payment-methods.service';

/** What a billing owner keeps for being invoiced: billing address and payment methods. */
@Module({
  controllers: [BillingAddressController, PaymentMethodsController],
  providers: [BillingAddressService, PaymentMethodsService],
  exports: [BillingAddressService, PaymentMethodsService],
})
export class BillingProfileModule implements OnModuleInit {
  constructor(
    private readonly billingAddresses: BillingAddressService,
    private readonly paymentMethods: PaymentMethodsService,
    private readonly cleanup: OrganizationCleanupRegistry,
  ) {}

  onModuleInit(): void {
    this.cleanup.register('billing-profile', async (organizationId) => {
      await this.billingAddresses.removeAll(organizationId);
      await this.paymentMethods.removeAll(organizationId);
    });
  }
}
