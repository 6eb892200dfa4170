import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { notFound } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DEFAULT_LOGO_PNG } from '../../libs/branding/default-logo';
import { BRAND_LOGO_CID, MailAttachment } from '../mail/mail-content';
import { MailContentRegistry } from '../mail/mail-content.registry';
import { EffectiveBranding, effectiveBranding } from './effective-branding';
import { LogoRepository } from './logo.repository';

@Injectable()
export class BrandingService implements OnModuleInit {
  constructor(
    private readonly logos: LogoRepository,
    private readonly mailContent: MailContentRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.mailContent.provideBranding((organizationId) => this.mailBranding(organizationId));
  }

  async branding(organizationId: OrganizationId): Promise<EffectiveBranding> {
    const branding = await this.find(organizationId);
    if (!branding) throw notFound('Organization');
    return branding;
  }

  /** The bytes of the logo `branding` names, whoever's it is. */
  async logoBytes(branding: Pick<EffectiveBranding, 'logoOwnerId'>): Promise<Buffer> {
    if (!branding.logoOwnerId) return DEFAULT_LOGO_PNG;
    // Deleted between the two reads: the next best thing is the platform's logo.
    return (await this.logos.file(branding.logoOwnerId))?.data ?? DEFAULT_LOGO_PNG;
  }

  private async find(organizationId: OrganizationId): Promise<EffectiveBranding | null> {
    const row = await this.logos.brandingOf(organizationId);
    return row && effectiveBranding(organizationId, row, this.config.vendor.name);
  }

  /**
   * Mails about a customer organization come in its partner's name with the partner's logo (none
   * while the partner has not uploaded one: the platform's logo would contradict the partner's
   * name); everyone else's in the platform's name and logo.
   */
  private async mailBranding(organizationId: OrganizationId): Promise<{ organizationName: string; partnerName?: string; logo: MailAttachment | null } | null> {
    const branding = await this.find(organizationId);
    if (!branding) return null;
    const { organizationName, partner } = branding;
    if (!partner) return { organizationName, logo: { filename: 'logo.png', contentType: 'image/png', content: DEFAULT_LOGO_PNG, cid: BRAND_LOGO_CID } };
    const logo = await this.logos.file(partner.id);
    const attachment = logo
      ? { filename: logo.contentType === 'image/png' ? 'logo.png' : 'logo.jpg', contentType: logo.contentType, content: logo.data, cid: BRAND_LOGO_CID }
      : null;
    return { organizationName, partnerName: partner.name, logo: attachment };
  }
}
