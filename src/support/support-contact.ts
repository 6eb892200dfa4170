import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config';
import { rawQuery } from '../database/raw-query';
import { LINKED_PARTNER_JOIN } from '../tenancy/linked-partner.sql';

export interface SupportContactDetails {
  company: string;
  email: string;
  phone: string;
  website: string | null;
  hours: string | null;
}

export type SupportContact = SupportContactDetails & { source: 'partner' | 'vendor' };

/**
 * The one place that decides whom an organization's users contact: a linked customer organization's
 * partner, once the partner has saved its support settings; everyone else (and customers of a partner
 * that has not) the platform vendor. Null when the organization does not exist.
 */
export async function loadSupportContact(em: EntityManager, organizationId: string, vendor: SupportContactDetails): Promise<SupportContact | null> {
  const [row] = await rawQuery<{ id: string; company: string | null; email: string; phone: string; website: string | null; hours: string | null }>(
    em,
    `select o.id, s.company, s.email, s.phone, s.website, s.hours
       from organization o
       ${LINKED_PARTNER_JOIN}
       left join support_settings s on s.organization_id = p.id
      where o.id = :organizationId`,
    { organizationId },
  );
  if (!row) return null;
  if (row.company === null) return { source: 'vendor', ...vendor };
  return { source: 'partner', company: row.company, email: row.email, phone: row.phone, website: row.website, hours: row.hours };
}

export function vendorSupportContact(config: AppConfig): SupportContactDetails {
  const { name, supportEmail, supportPhone, supportWebsite, supportHours } = config.vendor;
  return { company: name, email: supportEmail, phone: supportPhone, website: supportWebsite ?? null, hours: supportHours ?? null };
}
