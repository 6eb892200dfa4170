import { Module, OnModuleInit } from '@nestjs/common';
import { OrganizationCleanupRegistry } from '../tenancy/organization-cleanup.registry';
import { SupportController } from './support.controller';
import { SupportService } from './support.service';

/** Partner support settings and the support contact each organization's users see. */
@Module({
  controllers: [SupportController],
  providers: [SupportService],
})
export class SupportModule implements OnModuleInit {
  constructor(
    private readonly support: SupportService,
    private readonly cleanup: OrganizationCleanupRegistry,
  ) {}

  onModuleInit(): void {
    this.cleanup.register('support', (organizationId) => this.support.removeAll(organizationId));
  }
}
