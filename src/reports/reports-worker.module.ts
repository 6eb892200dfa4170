import { Module } from '@nestjs/common';
import { QueueWorkerModule } from '../queue/queue-worker.module';
import { LicensingModule } from '../licensing/licensing.module';
import { PlatformModule } from '../platform/platform.module';
import { WhitelabelModule } from '../whitelabel/whitelabel.module';
import { RenderingModule } from '../rendering/rendering.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { InventoryReportLoader } from './inventory-report.loader';
import { ReportPdfProcessor } from './report-pdf.processor';
import { ReportRepository } from './report.repository';

/** The report side of the `pdf` queue's worker; imported only where workers run. */
@Module({
  imports: [QueueWorkerModule, PlatformModule, LicensingModule, WhitelabelModule, RenderingModule, TenancyModule],
  providers: [ReportPdfProcessor, InventoryReportLoader, ReportRepository],
})
export class ReportsWorkerModule {}
