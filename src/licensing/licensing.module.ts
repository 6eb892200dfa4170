import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy/tenancy.module';
import { LicenseService } from './license.service';
import { LicensesController } from './licenses.controller';
import { LicensingRepository } from './licensing.repository';

/** The licence limit (subscription, else trial) against the hosts in use: one rule, one home. */
@Module({
  imports: [TenancyModule],
  controllers: [LicensesController],
  providers: [LicenseService, LicensingRepository],
  exports: [LicenseService],
})
export class LicensingModule {}
