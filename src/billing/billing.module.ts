import { Module } from '@nestjs/common';
import { BillingAddressModule } from './billing-address/billing-address.module';
import { CatalogModule } from './catalog/catalog.module';
import { InvoicesModule } from './invoices/invoices.module';
import { PaymentMethodsModule } from './payment-methods/payment-methods.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

const BILLING_MODULES = [CatalogModule, BillingAddressModule, PaymentMethodsModule, InvoicesModule, SubscriptionsModule];

/** Billing, one module per use case (see the folders); imported as one by the app, the CLI and the back-office. */
@Module({ imports: BILLING_MODULES, exports: BILLING_MODULES })
export class BillingModule {}
