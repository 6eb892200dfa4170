import { Module } from '@nestjs/common';
import { QueueWorkerModule } from '../queue/queue-worker.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { LicenseUsageSnapshots } from './license-usage-snapshots';
import { LicensingRepository } from './licensing.repository';

/** The daily licence usage snapshots; imported only where workers run. */
@Module({ imports: [QueueWorkerModule, TenancyModule], providers: [LicenseUsageSnapshots, LicensingRepository] })
export class LicensingWorkerModule {}
