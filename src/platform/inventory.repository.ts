import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { CreationOrderedRow } from '../database/creation-order';
import { pageInCreationOrder } from '../database/creation-order-page';
import { rawQuery } from '../database/raw-query';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';

export interface HostRow extends CreationOrderedRow {
  name: string;
  os: string | null;
}

export interface EndpointRow extends CreationOrderedRow {
  name: string;
  url: string;
  interval_seconds: number;
}

export interface InventoryHost {
  name: string;
  os: string | null;
  createdAt: Date;
}

export interface InventoryEndpoint {
  name: string;
  url: string;
  intervalSeconds: number;
  createdAt: Date;
}

/** An organization's hosts and endpoints in creation order: a page for the API, all of them for a report. */
@Injectable()
export class InventoryRepository {
  constructor(private readonly em: EntityManager) {}

  /** Up to limit+1 hosts (for `toPage`). */
  pageHosts(organizationId: OrganizationId, limit: number, q?: string, cursor?: string): Promise<HostRow[]> {
    return pageInCreationOrder<HostRow>(this.em, { table: 'host', columns: ['id', 'name', 'os'], organizationId, limit, q, cursor });
  }

  /** Up to limit+1 endpoints (for `toPage`). */
  pageEndpoints(organizationId: OrganizationId, limit: number, q?: string, cursor?: string): Promise<EndpointRow[]> {
    return pageInCreationOrder<EndpointRow>(this.em, { table: 'endpoint', columns: ['id', 'name', 'url', 'interval_seconds'], organizationId, limit, q, cursor });
  }

  async allHosts(organizationId: OrganizationId): Promise<InventoryHost[]> {
    const rows = await rawQuery<{ name: string; os: string | null; created_at_iso: string }>(
      this.em,
      `select name, os, to_char(created_at at time zone 'UTC', :isoFormat) as created_at_iso
         from host where organization_id = :organizationId order by created_at, id`,
      { organizationId, isoFormat: ISO_MILLISECONDS },
    );
    return rows.map((row) => ({ name: row.name, os: row.os, createdAt: new Date(row.created_at_iso) }));
  }

  async allEndpoints(organizationId: OrganizationId): Promise<InventoryEndpoint[]> {
    const rows = await rawQuery<{ name: string; url: string; interval_seconds: number; created_at_iso: string }>(
      this.em,
      `select name, url, interval_seconds, to_char(created_at at time zone 'UTC', :isoFormat) as created_at_iso
         from endpoint where organization_id = :organizationId order by created_at, id`,
      { organizationId, isoFormat: ISO_MILLISECONDS },
    );
    return rows.map((row) => ({ name: row.name, url: row.url, intervalSeconds: row.interval_seconds, createdAt: new Date(row.created_at_iso) }));
  }
}
