import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { notFound } from '../common/problem';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DEFAULT_LOGO_PNG } from '../../libs/branding/default-logo';
import { rawQuery } from '../database/raw-query';
import { BRAND_LOGO_CID, MailAttachment } from '../mail/mail-content';
import { MailContentRegistry } from '../mail/mail-content.registry';
import { EffectiveBranding, loadEffectiveBranding, loadLogoBytes } from './effective-branding';

@Injectable()
export class BrandingService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly mailContent: MailContentRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.mailContent.provideBranding((organizationId) => this.mailBranding(organizationId));
  }

  async branding(organizationId: string): Promise<EffectiveBranding> {
    const branding = await loadEffectiveBranding(this.em, organizationId, this.config.vendor.name);
    if (!branding) throw notFound('Organization');
    return branding;
  }

  /** The bytes of the logo `branding` names, whoever's it is. */
  logoBytes(branding: EffectiveBranding): Promise<Buffer> {
    return loadLogoBytes(this.em, branding);
  }

  /**
   * Mails about a customer organization come in its partner's name with the partner's logo (none
   * while the partner has not uploaded one: the platform's logo would contradict the partner's
   * name); everyone else's in the platform's name and logo.
   */
  private async mailBranding(organizationId: string): Promise<{ organizationName: string; partnerName?: string; logo: MailAttachment | null } | null> {
    const branding = await loadEffectiveBranding(this.em, organizationId, this.config.vendor.name);
    if (!branding) return null;
    const { organizationName, partner } = branding;
    if (!partner) return { organizationName, logo: { filename: 'logo.png', contentType: 'image/png', content: DEFAULT_LOGO_PNG, cid: BRAND_LOGO_CID } };
    const [logo] = await rawQuery<{ content_type: string; data: Buffer }>(
      this.em,
      'select content_type, data from organization_logo where organization_id = :partnerId',
      { partnerId: partner.id },
    );
    const attachment = logo
      ? { filename: logo.content_type === 'image/png' ? 'logo.png' : 'logo.jpg', contentType: logo.content_type, content: logo.data, cid: BRAND_LOGO_CID }
      : null;
    return { organizationName, partnerName: partner.name, logo: attachment };
  }
}
