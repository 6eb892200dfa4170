import { Module, OnModuleInit } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
import { OrganizationCleanupRegistry } from '../tenancy/organization-cleanup.registry';
import { EndpointsController } from './endpoints.controller';
import { EndpointsService } from './endpoints.service';
import { HostsController } from './hosts.controller';
import { HostsService } from './hosts.service';
import { LicenseService } from './license.service';
import { LicensesController } from './licenses.controller';

/** Hosts and endpoints: the licensed resources of an organization. */
@Module({
  imports: [BillingModule],
  controllers: [LicensesController, HostsController, EndpointsController],
  providers: [LicenseService, HostsService, EndpointsService],
  exports: [LicenseService, HostsService, EndpointsService],
})
export class PlatformModule implements OnModuleInit {
  constructor(
    private readonly hosts: HostsService,
    private readonly endpoints: EndpointsService,
    private readonly cleanup: OrganizationCleanupRegistry,
  ) {}

  onModuleInit(): void {
    this.cleanup.register('platform', async (organizationId) => {
      await this.hosts.removeAll(organizationId);
      await this.endpoints.removeAll(organizationId);
    });
  }
}
