import { Module } from '@nestjs/common';
import { CatalogModule } from '../billing/catalog/catalog.module';
import { OverviewController } from './overview.controller';
import { OverviewRepository } from './overview.repository';
import { OverviewService } from './overview.service';

/** The partner operation center (API.md v1.1): one list of every linked customer's state. */
@Module({ imports: [CatalogModule], controllers: [OverviewController], providers: [OverviewService, OverviewRepository] })
export class OperationsModule {}
