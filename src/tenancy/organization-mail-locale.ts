import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailContentRegistry } from '../mail/mail-content.registry';
import { OrganizationRepository } from './organization.repository';

/** Tells mail which language an organization's mails are written in: the organization's `locale`. */
@Injectable()
export class OrganizationMailLocale implements OnModuleInit {
  constructor(
    private readonly registry: MailContentRegistry,
    private readonly organizations: OrganizationRepository,
  ) {}

  onModuleInit(): void {
    this.registry.provideLocale((organizationId) => this.organizations.localeOf(organizationId));
  }
}
