import { Module } from '@nestjs/common';
import { MeOrganizationsController } from './me-organizations.controller';
import { OrganizationLifecycle } from './organization-lifecycle';
import { OrganizationsController } from './organizations.controller';
import { OrganizationRepository } from './organization.repository';
import { TenancyService } from './tenancy.service';

@Module({
  controllers: [OrganizationsController, MeOrganizationsController],
  providers: [TenancyService, OrganizationLifecycle, OrganizationRepository],
  exports: [TenancyService, OrganizationLifecycle, OrganizationRepository],
})
export class TenancyModule {}
