import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { MeOrganizationsController } from './me-organizations.controller';
import { OrganizationMailLocale } from './organization-mail-locale';
import { OrganizationLifecycle } from './organization-lifecycle';
import { OrganizationsController } from './organizations.controller';
import { OrganizationRepository } from './organization.repository';
import { TenancyService } from './tenancy.service';

@Module({
  imports: [MailModule],
  controllers: [OrganizationsController, MeOrganizationsController],
  providers: [TenancyService, OrganizationLifecycle, OrganizationRepository, OrganizationMailLocale],
  exports: [TenancyService, OrganizationLifecycle, OrganizationRepository],
})
export class TenancyModule {}
