import { Module, OnModuleInit } from '@nestjs/common';
import { OrganizationLifecycle } from '../../tenancy/organization-lifecycle';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { BillingAddressController } from './billing-address.controller';
import { BillingAddressRepository } from './billing-address.repository';
import { BillingAddressService } from './billing-address.service';

/** Where a billing owner's invoices go: billing address, invoice e-mail, invoice recipient. */
@Module({
  imports: [TenancyModule],
  controllers: [BillingAddressController],
  providers: [BillingAddressService, BillingAddressRepository],
  exports: [BillingAddressService],
})
export class BillingAddressModule implements OnModuleInit {
  constructor(
    private readonly billingAddresses: BillingAddressService,
    private readonly lifecycle: OrganizationLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onDeleted('billing-address', (organizationId) => this.billingAddresses.removeAll(organizationId));
  }
}
