import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '../common/problem';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SupportContactDto, SupportSettingsDto, UpdateSupportSettingsDto } from './dto/support.dto';
import { loadSupportContact, vendorSupportContact } from './support-contact';
import { SupportSettings } from './support-settings.entity';

@Injectable()
export class SupportService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async settings(organizationId: string): Promise<SupportSettingsDto> {
    const settings = await this.em.findOne(SupportSettings, { organization: organizationId });
    if (!settings) return { configured: false, company: null, email: null, phone: null, website: null, hours: null };
    return toDto(settings);
  }

  async update(organizationId: string, dto: UpdateSupportSettingsDto): Promise<SupportSettingsDto> {
    const fields = { company: dto.company, email: dto.email, phone: dto.phone, website: dto.website ?? null, hours: dto.hours ?? null };
    await this.em.getContext().upsert(SupportSettings, { organization: organizationId, ...fields, updatedAt: new Date() });
    return { configured: true, ...fields };
  }

  async contact(organizationId: string): Promise<SupportContactDto> {
    const contact = await loadSupportContact(this.em, organizationId, vendorSupportContact(this.config));
    if (!contact) throw notFound('Organization');
    return contact;
  }

  async removeAll(organizationId: string): Promise<void> {
    await this.em.nativeDelete(SupportSettings, { organization: organizationId });
  }
}

function toDto(settings: SupportSettings): SupportSettingsDto {
  const { company, email, phone } = settings;
  return { configured: true, company, email, phone, website: settings.website ?? null, hours: settings.hours ?? null };
}
