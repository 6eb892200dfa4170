import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { notFound } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailContentRegistry } from '../mail/mail-content.registry';
import { SupportContactDto, SupportSettingsDto, UpdateSupportSettingsDto } from './dto/support.dto';
import { SupportContact, supportContact, vendorSupportContact } from './support-contact';
import { SupportRepository } from './support.repository';
import { SupportSettings } from './support-settings.entity';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';

@Injectable()
export class SupportService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: SupportRepository,
    private readonly mailContent: MailContentRegistry,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Mails show the same contact as GET …/support-contact: the partner's for its customers, else the vendor's. */
  onModuleInit(): void {
    this.mailContent.provideSupportContact(async (organizationId) => {
      if (organizationId === null) return vendorSupportContact(this.config);
      const contact = await this.find(organizationId);
      if (!contact) return null;
      const { source, ...details } = contact;
      return { ...details, partnersOwn: source === 'partner' };
    });
  }

  async settings(organizationId: OrganizationId): Promise<SupportSettingsDto> {
    const settings = await this.em.findOne(SupportSettings, { organization: organizationId });
    if (!settings) return { configured: false, company: null, email: null, phone: null, website: null, hours: null };
    return toDto(settings);
  }

  async update(organizationId: OrganizationId, dto: UpdateSupportSettingsDto, actor: Actor): Promise<SupportSettingsDto> {
    const fields = { company: dto.company, email: dto.email, phone: dto.phone, website: dto.website ?? null, hours: dto.hours ?? null };
    await inTransaction(this.em, async (em) => {
      await em.upsert(SupportSettings, { organization: organizationId, ...fields, updatedAt: new Date() });
      await this.audit.record({ organizationId, actor, action: 'support-settings.update', target: { type: 'organization', id: organizationId } });
    });
    return { configured: true, ...fields };
  }

  async contact(organizationId: OrganizationId): Promise<SupportContactDto> {
    const contact = await this.find(organizationId);
    if (!contact) throw notFound('Organization');
    return contact;
  }

  /** Null when the organization does not exist. */
  private async find(organizationId: OrganizationId): Promise<SupportContact | null> {
    const partnerSettings = await this.repository.linkedPartnerSettings(organizationId);
    return partnerSettings === undefined ? null : supportContact(partnerSettings, vendorSupportContact(this.config));
  }

  async removeAll(organizationId: OrganizationId): Promise<void> {
    await this.em.nativeDelete(SupportSettings, { organization: organizationId });
  }
}

function toDto(settings: SupportSettings): SupportSettingsDto {
  const { company, email, phone } = settings;
  return { configured: true, company, email, phone, website: settings.website ?? null, hours: settings.hours ?? null };
}
