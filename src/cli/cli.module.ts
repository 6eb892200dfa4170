import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { StaffRepository } from '../admin/staff.repository';
import { StaffService } from '../admin/staff.service';
import { AppModule } from '../app/app.module';
import { BillingModule } from '../billing/billing.module';
import { AppConfig } from '../config/app-config';
import { LicensingModule } from '../licensing/licensing.module';
import { PlatformModule } from '../platform/platform.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { BillingRunCommand } from './billing-run.command';
import { CLI_LINE_WRITER, CliOutput, LineWriter } from './cli-output';
import { DemoSeedCommand } from './demo-seed.command';
import { DemoSeedService } from './demo-seed.service';
import { PartnerCreateCommand } from './partner-create.command';
import { StaffCreateCommand } from './staff-create.command';

/** The application without HTTP and queue workers, plus the operator commands. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, writeLine: LineWriter): DynamicModule {
    return {
      module: CliModule,
      // AppModule does not re-export its modules; importing them again here reuses the same instances.
      imports: [AppModule.forRoot(config, { http: false, workers: false }), AccountsModule, TenancyModule, PlatformModule, LicensingModule, BillingModule],
      providers: [
        { provide: CLI_LINE_WRITER, useValue: writeLine },
        CliOutput,
        StaffService,
        StaffRepository,
        DemoSeedService,
        PartnerCreateCommand,
        StaffCreateCommand,
        DemoSeedCommand,
        BillingRunCommand,
      ],
    };
  }
}
