import { MiddlewareConsumer, Module, NestModule, OnModuleInit, RequestMethod } from '@nestjs/common';
import { OrganizationLifecycle } from '../tenancy/organization-lifecycle';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { BrandingService } from './branding.service';
import { LogoUploadMiddleware } from './logo-upload.middleware';
import { LogoController } from './logo.controller';
import { LogoRepository } from './logo.repository';
import { LogoService } from './logo.service';

/** Logos and the branding resolution (own → partner → platform default). */
@Module({
  imports: [TenancyModule, MailModule, AuthModule],
  controllers: [LogoController],
  providers: [LogoService, BrandingService, LogoRepository],
  exports: [BrandingService],
})
export class WhitelabelModule implements NestModule, OnModuleInit {
  constructor(
    private readonly lifecycle: OrganizationLifecycle,
    private readonly logos: LogoService,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(LogoUploadMiddleware).forRoutes({ path: 'organizations/:orgId/logo', method: RequestMethod.PUT });
  }

  onModuleInit(): void {
    this.lifecycle.onDeleted('whitelabel', (organizationId) => this.logos.removeAll(organizationId));
  }
}
