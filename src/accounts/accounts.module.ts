import { Module, OnModuleInit } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { OrganizationCleanupRegistry } from '../tenancy/organization-cleanup.registry';
import { TenancyCoreModule } from '../tenancy/tenancy-core.module';
import { AccountsService } from './accounts.service';
import { MeController } from './me.controller';
import { MembersController } from './members.controller';
import { PasswordHasher } from './password-hasher';

@Module({
  imports: [MailModule, TenancyCoreModule],
  controllers: [MeController, MembersController],
  providers: [AccountsService, PasswordHasher],
  exports: [AccountsService, PasswordHasher],
})
export class AccountsModule implements OnModuleInit {
  constructor(
    private readonly accounts: AccountsService,
    private readonly cleanup: OrganizationCleanupRegistry,
  ) {}

  onModuleInit(): void {
    this.cleanup.register('accounts', (organizationId) => this.accounts.removeAllMemberships(organizationId));
  }
}
