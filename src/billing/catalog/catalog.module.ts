import { Module } from '@nestjs/common';
import { CatalogService } from './catalog.service';

/** Plans, addons, partner conditions and the prices they make. */
@Module({ providers: [CatalogService], exports: [CatalogService] })
export class CatalogModule {}
