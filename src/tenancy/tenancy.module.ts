import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { MeOrganizationsController } from './me-organizations.controller';
import { OrganizationsController } from './organizations.controller';
import { ProvisioningService } from './provisioning.service';
import { TenancyService } from './tenancy.service';

@Module({
  imports: [AccountsModule],
  controllers: [OrganizationsController, MeOrganizationsController],
  providers: [TenancyService, ProvisioningService],
  exports: [TenancyService, ProvisioningService],
})
export class TenancyModule {}
