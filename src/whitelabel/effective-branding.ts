import { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { DEFAULT_LOGO_PNG } from '../../libs/branding/default-logo';
import { LogoContentType } from '../../libs/branding/logo-image';
import { rawQuery } from '../database/raw-query';
import { LINKED_PARTNER_JOIN } from '../tenancy/linked-partner.sql';

export type LogoSource = 'own' | 'partner' | 'default';

export interface LogoMetadata {
  contentType: LogoContentType;
  width: number;
  height: number;
  size: number;
  sha256: string;
}

/** Which logo an organization's reports and mails carry, and whose brand that is. */
export interface EffectiveBranding {
  source: LogoSource;
  /** The organization whose logo it is; null for the platform default. */
  logoOwnerId: string | null;
  /** Name of the brand: the organization, its partner, or the platform vendor. */
  name: string;
  logo: LogoMetadata;
  organizationName: string;
  /** The linked partner (not deleted) of a customer organization. */
  partner: { id: string; name: string } | null;
}

export const DEFAULT_LOGO: LogoMetadata = {
  contentType: 'image/png',
  width: 520,
  height: 160,
  size: DEFAULT_LOGO_PNG.length,
  sha256: createHash('sha256').update(DEFAULT_LOGO_PNG).digest('hex'),
};

interface BrandingRow {
  name: string;
  partner_id: string | null;
  partner_name: string | null;
  own_content_type: LogoContentType | null;
  own_width: number | null;
  own_height: number | null;
  own_size: number | null;
  own_sha256: string | null;
  partner_content_type: LogoContentType | null;
  partner_width: number | null;
  partner_height: number | null;
  partner_size: number | null;
  partner_sha256: string | null;
}

/**
 * The one place that decides an organization's branding: its own logo, else its partner's,
 * else the platform default. Null when the organization does not exist (or is deleted).
 */
export async function loadEffectiveBranding(em: EntityManager, organizationId: string, vendorName: string): Promise<EffectiveBranding | null> {
  const [row] = await rawQuery<BrandingRow>(
    em,
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
  if (!row) return null;
  const partner = row.partner_id && row.partner_name ? { id: row.partner_id, name: row.partner_name } : null;
  const common = { organizationName: row.name, partner };
  const own = logoOf(row, 'own');
  if (own) return { ...common, source: 'own', logoOwnerId: organizationId, name: row.name, logo: own };
  const partnerLogo = logoOf(row, 'partner');
  if (partner && partnerLogo) return { ...common, source: 'partner', logoOwnerId: partner.id, name: partner.name, logo: partnerLogo };
  return { ...common, source: 'default', logoOwnerId: null, name: vendorName, logo: DEFAULT_LOGO };
}

/** The bytes of the logo `branding` names. */
export async function loadLogoBytes(em: EntityManager, branding: Pick<EffectiveBranding, 'logoOwnerId'>): Promise<Buffer> {
  if (!branding.logoOwnerId) return DEFAULT_LOGO_PNG;
  // Deleted between the two reads: the next best thing is the platform's logo.
  return (await loadStoredLogo(em, branding.logoOwnerId)) ?? DEFAULT_LOGO_PNG;
}

/** An organization's uploaded logo, if it has one. */
export async function loadStoredLogo(em: EntityManager, organizationId: string): Promise<Buffer | undefined> {
  const [row] = await rawQuery<{ data: Buffer }>(em, 'select data from organization_logo where organization_id = :organizationId', { organizationId });
  return row?.data;
}

function logoOf(row: BrandingRow, prefix: 'own' | 'partner'): LogoMetadata | null {
  const contentType = row[`${prefix}_content_type`];
  if (!contentType) return null;
  return {
    contentType,
    width: Number(row[`${prefix}_width`]),
    height: Number(row[`${prefix}_height`]),
    size: Number(row[`${prefix}_size`]),
    sha256: String(row[`${prefix}_sha256`]),
  };
}
