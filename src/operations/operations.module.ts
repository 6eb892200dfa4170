import { Module } from '@nestjs/common';
import { CatalogModule } from '../billing/catalog/catalog.module';
import { OverviewController } from './overview.controller';
import { OverviewRepository } from './overview.repository';
import { OverviewService } from './overview.service';
import { UsageController } from './usage.controller';
import { UsageRepository } from './usage.repository';
import { UsageService } from './usage.service';

/** The partner operation center (API.md v1.1): every linked customer's state in one list, and their monthly licence usage. */
@Module({ imports: [CatalogModule], controllers: [OverviewController, UsageController], providers: [OverviewService, OverviewRepository, UsageService, UsageRepository] })
export class OperationsModule {}
