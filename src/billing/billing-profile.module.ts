import { Module, OnModuleInit } from '@nestjs/common';
import { OrganizationLifecycle } from '../tenancy/organization-lifecycle';
import { TenancyModule } from '../tenancy/tenancy.module';
import { BillingAddressController } from './billing-address.controller';
import { BillingAddressService } from './billing-address.service';
import { PaymentMethodsController } from './payment-methods.controller';
import { PaymentMethodsService } from './payment-methods.service';

/** What a billing owner keeps for being invoiced: billing address and payment methods. */
@Module({
  imports: [TenancyModule],
  controllers: [BillingAddressController, PaymentMethodsController],
  providers: [BillingAddressService, PaymentMethodsService],
  exports: [BillingAddressService, PaymentMethodsService],
})
export class BillingProfileModule implements OnModuleInit {
  constructor(
    private readonly billingAddresses: BillingAddressService,
    private readonly paymentMethods: PaymentMethodsService,
    private readonly lifecycle: OrganizationLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onDeleted('billing-profile', async (organizationId) => {
      await this.billingAddresses.removeAll(organizationId);
      await this.paymentMethods.removeAll(organizationId);
    });
  }
}
