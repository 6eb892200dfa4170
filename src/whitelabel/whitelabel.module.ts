import { MiddlewareConsumer, Module, NestModule, OnModuleInit, RequestMethod } from '@nestjs/common';
import { OrganizationCleanupRegistry } from '../tenancy/organization-cleanup.registry';
import { BrandingService } from './branding.service';
import { LogoUploadMiddleware } from './logo-upload.middleware';
import { LogoController } from './logo.controller';
import { LogoService } from './logo.service';

/** Logos and the branding resolution (own → partner → platform default). */
@Module({
  controllers: [LogoController],
  providers: [LogoService, BrandingService],
  exports: [BrandingService],
})
export class WhitelabelModule implements NestModule, OnModuleInit {
  constructor(
    private readonly cleanup: OrganizationCleanupRegistry,
    private readonly logos: LogoService,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(LogoUploadMiddleware).forRoutes({ path: 'organizations/:orgId/logo', method: RequestMethod.PUT });
  }

  onModuleInit(): void {
    this.cleanup.register('whitelabel', (organizationId) => this.logos.removeAll(organizationId));
  }
}
