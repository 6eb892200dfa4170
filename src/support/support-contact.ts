import { AppConfig } from '../config/app-config';

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
 * that has not) the platform vendor.
 */
export function supportContact(partnerSettings: SupportContactDetails | null, vendor: SupportContactDetails): SupportContact {
  return partnerSettings ? { source: 'partner', ...partnerSettings } : { source: 'vendor', ...vendor };
}

export function vendorSupportContact(config: AppConfig): SupportContactDetails {
  const { name, supportEmail, supportPhone, supportWebsite, supportHours } = config.vendor;
  return { company: name, email: supportEmail, phone: supportPhone, website: supportWebsite ?? null, hours: supportHours ?? null };
}
