import { Module, OnModuleInit } from '@nestjs/common';
import { OrganizationLifecycle } from '../tenancy/organization-lifecycle';
import { MailModule } from '../mail/mail.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { SupportController } from './support.controller';
import { SupportRepository } from './support.repository';
import { SupportService } from './support.service';

/** Partner support settings and the support contact each organization's users see. */
@Module({
  imports: [TenancyModule, MailModule],
  controllers: [SupportController],
  providers: [SupportService, SupportRepository],
})
export class SupportModule implements OnModuleInit {
  constructor(
    private readonly support: SupportService,
    private readonly lifecycle: OrganizationLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onDeleted('support', (organizationId) => this.support.removeAll(organizationId));
  }
}
