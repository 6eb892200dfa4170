import { Module, OnModuleInit } from '@nestjs/common';
import { OrganizationLifecycle } from '../../tenancy/organization-lifecycle';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { PaymentMethodsController } from './payment-methods.controller';
import { PaymentMethodRepository } from './payment-method.repository';
import { PaymentMethodsService } from './payment-methods.service';

/** A billing owner's SEPA mandates and cards, stored masked. */
@Module({
  imports: [TenancyModule],
  controllers: [PaymentMethodsController],
  providers: [PaymentMethodsService, PaymentMethodRepository],
  exports: [PaymentMethodsService, PaymentMethodRepository],
})
export class PaymentMethodsModule implements OnModuleInit {
  constructor(
    private readonly paymentMethods: PaymentMethodsService,
    private readonly lifecycle: OrganizationLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onDeleted('payment-methods', (organizationId) => this.paymentMethods.removeAll(organizationId));
  }
}
