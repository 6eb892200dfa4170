import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { InventoryReportData } from '../../libs/pdf';
import { LicenseService } from '../licensing/license.service';
import { InventoryRepository } from '../platform/inventory.repository';
import { BrandingService } from '../whitelabel/branding.service';
import { OrganizationRepository } from '../tenancy/organization.repository';
import { DEFAULT_LOCALE } from '../../libs/i18n';

/** Everything an inventory report shows, read at rendering time, in the organization's language. */
@Injectable()
export class InventoryReportLoader {
  constructor(
    private readonly inventory: InventoryRepository,
    private readonly brandings: BrandingService,
    private readonly licenses: LicenseService,
    private readonly organizations: OrganizationRepository,
  ) {}

  async load(organizationId: OrganizationId, generatedAt: Date): Promise<InventoryReportData> {
    const branding = await this.brandings.branding(organizationId);
    const [locale, logo, licenses, hosts, endpoints] = await Promise.all([
      this.organizations.localeOf(organizationId),
      this.brandings.logoBytes(branding),
      this.licenses.usage(organizationId, generatedAt),
      this.inventory.allHosts(organizationId),
      this.inventory.allEndpoints(organizationId),
    ]);
    return {
      locale: locale ?? DEFAULT_LOCALE,
      organizationName: branding.organizationName,
      partnerName: branding.partner?.name ?? null,
      generatedAt,
      logo,
      licenses,
      hosts,
      endpoints,
    };
  }
}
