import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { LogoContentType } from '../../libs/branding/logo-image';
import { OrganizationId } from '../common/organization-id';
import { rawQuery } from '../database/raw-query';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';
import { LINKED_PARTNER_JOIN } from '../tenancy/linked-partner.sql';
import { BrandingRow, LogoMetadata } from './effective-branding';

export interface StoredLogo extends LogoMetadata {
  updatedAt: Date;
}

export interface LogoFile {
  contentType: LogoContentType;
  data: Buffer;
}

/** Reads of organization_logo: metadata without the bytes, the bytes, and what branding resolution needs. */
@Injectable()
export class LogoRepository {
  constructor(private readonly em: EntityManager) {}

  /** The organization, its linked partner and both their logos' metadata; null when the organization does not exist (or is deleted). */
  async brandingOf(organizationId: OrganizationId): Promise<BrandingRow | null> {
    const [row] = await rawQuery<BrandingRow>(
      this.em,
      `select o.name, p.id as partner_id, p.name as partner_name,
              own.content_type as own_content_type, own.width as own_width, own.height as own_height,
              own.size as own_size, own.sha256 as own_sha256,
              pl.content_type as partner_content_type, pl.width as partner_width, pl.height as partner_height,
              pl.size as partner_size, pl.sha256 as partner_sha256
         from organization o
         ${LINKED_PARTNER_JOIN}
         left join organization_logo own on own.organization_id = o.id
         left join organization_logo pl on pl.organization_id = p.id
        where o.id = :organizationId and o.deleted_at is null`,
      { organizationId },
    );
    return row ?? null;
  }

  /** Everything but the bytes: enough to answer a revalidation. */
  async metadata(organizationId: OrganizationId): Promise<StoredLogo | null> {
    const [row] = await rawQuery<{ content_type: LogoContentType; width: number; height: number; size: number; sha256: string; updated_at: string }>(
      this.em,
      `select content_type, width, height, size, sha256, to_char(updated_at at time zone 'UTC', :isoFormat) as updated_at
         from organization_logo where organization_id = :organizationId`,
      { organizationId, isoFormat: ISO_MILLISECONDS },
    );
    if (!row) return null;
    return { contentType: row.content_type, width: row.width, height: row.height, size: row.size, sha256: row.sha256, updatedAt: new Date(row.updated_at) };
  }

  /** An organization's uploaded logo, if it has one. */
  async file(organizationId: OrganizationId): Promise<LogoFile | null> {
    const [row] = await rawQuery<{ content_type: LogoContentType; data: Buffer }>(
      this.em,
      'select content_type, data from organization_logo where organization_id = :organizationId',
      { organizationId },
    );
    return row ? { contentType: row.content_type, data: row.data } : null;
  }
}
