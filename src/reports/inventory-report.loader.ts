import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { InventoryReportData } from '../../libs/pdf';
import { rawQuery } from '../database/raw-query';
import { LicenseService } from '../licensing/license.service';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';
import { BrandingService } from '../whitelabel/branding.service';

/** Everything an inventory report shows, read at rendering time. */
@Injectable()
export class InventoryReportLoader {
  constructor(
    private readonly em: EntityManager,
    private readonly brandings: BrandingService,
    private readonly licenses: LicenseService,
  ) {}

  async load(organizationId: string, generatedAt: Date): Promise<InventoryReportData> {
    const branding = await this.brandings.branding(organizationId);
    const [logo, licenses, hosts, endpoints] = await Promise.all([
      this.brandings.logoBytes(branding),
      this.licenses.usage(organizationId, generatedAt),
      rawQuery<{ name: string; os: string | null; created_at_iso: string }>(
        this.em,
        `select name, os, to_char(created_at at time zone 'UTC', :isoFormat) as created_at_iso
           from host where organization_id = :organizationId order by created_at, id`,
        { organizationId, isoFormat: ISO_MILLISECONDS },
      ),
      rawQuery<{ name: string; url: string; interval_seconds: number; created_at_iso: string }>(
        this.em,
        `select name, url, interval_seconds, to_char(created_at at time zone 'UTC', :isoFormat) as created_at_iso
           from endpoint where organization_id = :organizationId order by created_at, id`,
        { organizationId, isoFormat: ISO_MILLISECONDS },
      ),
    ]);
    return {
      organizationName: branding.organizationName,
      partnerName: branding.partner?.name ?? null,
      generatedAt,
      logo,
      licenses,
      hosts: hosts.map((host) => ({ name: host.name, os: host.os, createdAt: new Date(host.created_at_iso) })),
      endpoints: endpoints.map((endpoint) => ({ name: endpoint.name, url: endpoint.url, intervalSeconds: endpoint.interval_seconds, createdAt: new Date(endpoint.created_at_iso) })),
    };
  }
}
