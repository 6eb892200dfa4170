import { Module, OnModuleInit } from '@nestjs/common';
import { OrganizationCleanupRegistry } from '../tenancy/organization-cleanup.registry';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Report orders and their status; rendering runs in ReportsWorkerModule. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly reports: ReportsService,
    private readonly cleanup: OrganizationCleanupRegistry,
  ) {}

  onModuleInit(): void {
    this.cleanup.register('reports', (organizationId) => this.reports.removeAll(organizationId));
  }
}
