import { MailModule } from '../mail/mail.module';
import { Module } from '@nestjs/common';
import { StaffRepository } from './staff.repository';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { BillingModule } from '../billing/billing.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { BackofficeChanges } from './backoffice-changes.service';
import { StaffAuthService } from './staff-auth.service';
import { StaffService } from './staff.service';

/** The back-office's Nest side: staff logins and every change staff make. AdminJS itself is loaded by backoffice-admin.module. */
@Module({
  imports: [AuthModule, AccountsModule, TenancyModule, BillingModule, MailModule],
  providers: [StaffService, StaffAuthService, BackofficeChanges, StaffRepository],
  // BillingModule for InvoiceDeliveryService, which the AdminJS side reads PDFs and their state through.
  exports: [StaffService, StaffAuthService, BackofficeChanges, BillingModule],
})
export class BackofficeModule {}
