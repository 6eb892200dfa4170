import { Module, OnModuleInit } from '@nestjs/common';
import { MembershipRepository } from './membership.repository';
import { MailModule } from '../mail/mail.module';
import { OrganizationLifecycle } from '../tenancy/organization-lifecycle';
import { TenancyModule } from '../tenancy/tenancy.module';
import { AccountMailContent } from './account-mail-content';
import { AccountsService } from './accounts.service';
import { MeController } from './me.controller';
import { MembersController } from './members.controller';
import { PasswordHasher } from './password-hasher';
import { ProvisioningService } from './provisioning.service';

@Module({
  imports: [MailModule, TenancyModule],
  controllers: [MeController, MembersController],
  providers: [AccountsService, PasswordHasher, ProvisioningService, AccountMailContent, MembershipRepository],
  exports: [AccountsService, PasswordHasher, ProvisioningService],
})
export class AccountsModule implements OnModuleInit {
  constructor(
    private readonly accounts: AccountsService,
    private readonly lifecycle: OrganizationLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onFounded((organization, founderUserId) => this.accounts.addFounder(organization, founderUserId));
    this.lifecycle.onDeleted('accounts', (organizationId) => this.accounts.removeAllMemberships(organizationId));
  }
}
