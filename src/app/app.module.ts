import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DatabaseOutage } from '../database/database-outage';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { createBackofficeAdminModule } from '../admin/backoffice-admin.module';
import { AuthModule } from '../auth/auth.module';
import { JwtAuthGuard } from '../auth/auth.guards';
import { RequestRateLimitGuard } from '../auth/rate-limit/request-rate-limit.guard';
import { PolicyGuard } from '../authz/policy.guard';
import { AuthzModule } from '../authz/authz.module';
import { BillingModule } from '../billing/billing.module';
import { BillingRunWorkerModule } from '../billing/subscriptions/billing-run-worker.module';
import { InvoicePdfWorkerModule } from '../billing/invoices/invoice-pdf-worker.module';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { createOrmOptions } from '../database/mikro-orm.config';
import { ENTITIES } from './entities';
import { HealthController } from '../health/health.controller';
import { ServiceIndexController } from '../health/service-index.controller';
import { MailModule } from '../mail/mail.module';
import { MailWorkerModule } from '../mail/mail-worker.module';
import { OutboxModule } from '../outbox/outbox.module';
import { OutboxRelayModule } from '../outbox/outbox-relay.module';
import { QueueModule } from '../queue/queue.module';
import { LicensingModule } from '../licensing/licensing.module';
import { PlatformModule } from '../platform/platform.module';
import { RedisModule } from '../redis/redis.module';
import { ReportsModule } from '../reports/reports.module';
import { ReportsWorkerModule } from '../reports/reports-worker.module';
import { SupportModule } from '../support/support.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { WhitelabelModule } from '../whitelabel/whitelabel.module';
import { WebhookWorkerModule } from '../webhooks/webhook-worker.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { OperationsModule } from '../operations/operations.module';
import { LicensingWorkerModule } from '../licensing/licensing-worker.module';
import { WebhookEventsModule } from '../webhook-events/webhook-events.module';

export interface AppModuleOptions {
  /** Serve the HTTP API (controllers, guards). */
  http: boolean;
  /** Run queue processors and the outbox relay in this process. */
  workers: boolean;
  /** Mount the AdminJS back-office at /admin (ESM, loaded with import(): only the HTTP entry point asks for it, never Jest). */
  admin?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = { http: true, workers: config.workersEnabled }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // HTTP requests get their RequestContext from a Fastify hook (configureHttpApp), not a Nest middleware.
        MikroOrmModule.forRoot({ ...createOrmOptions(config.databaseUrl, ENTITIES), registerRequestContext: false }),
        RedisModule,
        OutboxModule,
        WebhookEventsModule,
        QueueModule,
        AuthzModule,
        AuditModule,
        MailModule,
        AccountsModule,
        AuthModule,
        TenancyModule,
        PlatformModule,
        LicensingModule,
        BillingModule,
        WhitelabelModule,
        SupportModule,
        ReportsModule,
        WebhooksModule,
        OperationsModule,
        ...(options.http && options.admin ? [createBackofficeAdminModule()] : []),
        ...(options.workers ? [OutboxRelayModule, MailWorkerModule, InvoicePdfWorkerModule, BillingRunWorkerModule, ReportsWorkerModule, WebhookWorkerModule, LicensingWorkerModule] : []),
      ],
      controllers: options.http ? [ServiceIndexController, HealthController] : [],
      providers: [
        DatabaseOutage,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RequestRateLimitGuard },
        { provide: APP_GUARD, useClass: PolicyGuard },
      ],
    };
  }
}
