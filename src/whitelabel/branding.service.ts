import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '../common/problem';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EffectiveBranding, loadEffectiveBranding, loadLogoBytes } from './effective-branding';

@Injectable()
export class BrandingService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async branding(organizationId: string): Promise<EffectiveBranding> {
    const branding = await loadEffectiveBranding(this.em, organizationId, this.config.vendor.name);
    if (!branding) throw notFound('Organization');
    return branding;
  }

  /** The bytes of the logo `branding` names, whoever's it is. */
  logoBytes(branding: EffectiveBranding): Promise<Buffer> {
    return loadLogoBytes(this.em, branding);
  }
}
