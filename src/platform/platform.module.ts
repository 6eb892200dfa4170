import { Module, OnModuleInit } from '@nestjs/common';
import { LicensingModule } from '../licensing/licensing.module';
import { OrganizationLifecycle } from '../tenancy/organization-lifecycle';
import { TenancyModule } from '../tenancy/tenancy.module';
import { EndpointsController } from './endpoints.controller';
import { EndpointsService } from './endpoints.service';
import { HostsController } from './hosts.controller';
import { HostsService } from './hosts.service';
import { InventoryRepository } from './inventory.repository';

/** Hosts and endpoints: the licensed resources of an organization. */
@Module({
  imports: [TenancyModule, LicensingModule],
  controllers: [HostsController, EndpointsController],
  providers: [HostsService, EndpointsService, InventoryRepository],
  exports: [HostsService, EndpointsService, InventoryRepository],
})
export class PlatformModule implements OnModuleInit {
  constructor(
    private readonly hosts: HostsService,
    private readonly endpoints: EndpointsService,
    private readonly lifecycle: OrganizationLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onDeleted('platform', async (organizationId) => {
      await this.hosts.removeAll(organizationId);
      await this.endpoints.removeAll(organizationId);
    });
  }
}
