import { Module, OnModuleInit } from '@nestjs/common';
import { OrganizationLifecycle } from '../tenancy/organization-lifecycle';
import { TenancyModule } from '../tenancy/tenancy.module';
import { ReportsController } from './reports.controller';
import { ReportRepository } from './report.repository';
import { ReportsService } from './reports.service';

/** Report orders and their status; rendering runs in ReportsWorkerModule. */
@Module({
  imports: [TenancyModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportRepository],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly reports: ReportsService,
    private readonly lifecycle: OrganizationLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onDeleted('reports', (organizationId) => this.reports.removeAll(organizationId));
  }
}
