import type { Locale } from '../i18n';

// What an inventory report shows: one organization's hosts and endpoints and its licence usage at
// the moment the report was generated. Plain data: the caller maps entities to it.

export interface InventoryHost {
  name: string;
  os?: string | null;
  createdAt: Date;
}

export interface InventoryEndpoint {
  name: string;
  url: string;
  intervalSeconds: number;
  createdAt: Date;
}

/** Shaped like the platform's `LicenseUsage`, so the licence service's answer can be passed as it is. */
export interface InventoryLicenseUsage {
  used: number;
  limit: number;
  source: 'trial' | 'subscription' | 'none';
  /** The trial's end while no subscription applies, else null. */
  trialEndsAt: Date | null;
}

export interface InventoryReportData {
  /** The organization's language: every label, date and number follows it. */
  locale: Locale;
  organizationName: string;
  /** The partner managing a customer organization; printed under the organization's name. */
  partnerName?: string | null;
  generatedAt: Date;
  /** The effective logo (own, else the partner's, else the platform default), PNG or JPEG; without it the organization's name heads the report. */
  logo?: Buffer | null;
  licenses: InventoryLicenseUsage;
  /** In the order given (the caller's, e.g. creation order). */
  hosts: InventoryHost[];
  endpoints: InventoryEndpoint[];
}
