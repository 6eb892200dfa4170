import { createHash } from 'node:crypto';
import { OrganizationId } from '../common/organization-id';
import { DEFAULT_LOGO_PNG } from '../../libs/branding/default-logo';
import { LogoContentType } from '../../libs/branding/logo-image';

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
  logoOwnerId: OrganizationId | null;
  /** Name of the brand: the organization, its partner, or the platform vendor. */
  name: string;
  logo: LogoMetadata;
  organizationName: string;
  /** The linked partner (not deleted) of a customer organization. */
  partner: { id: OrganizationId; name: string } | null;
}

export const DEFAULT_LOGO: LogoMetadata = {
  contentType: 'image/png',
  width: 520,
  height: 160,
  size: DEFAULT_LOGO_PNG.length,
  sha256: createHash('sha256').update(DEFAULT_LOGO_PNG).digest('hex'),
};

/** An organization with its linked partner and both logos' metadata, as LogoRepository.brandingOf reads it. */
export interface BrandingRow {
  name: string;
  partner_id: OrganizationId | null;
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
 * else the platform default.
 */
export function effectiveBranding(organizationId: OrganizationId, row: BrandingRow, vendorName: string): EffectiveBranding {
  const partner = row.partner_id && row.partner_name ? { id: row.partner_id, name: row.partner_name } : null;
  const common = { organizationName: row.name, partner };
  const own = logoOf(row, 'own');
  if (own) return { ...common, source: 'own', logoOwnerId: organizationId, name: row.name, logo: own };
  const partnerLogo = logoOf(row, 'partner');
  if (partner && partnerLogo) return { ...common, source: 'partner', logoOwnerId: partner.id, name: partner.name, logo: partnerLogo };
  return { ...common, source: 'default', logoOwnerId: null, name: vendorName, logo: DEFAULT_LOGO };
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
