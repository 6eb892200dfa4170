import { conflict } from '../common/domain-error';

/** 409 for billing matters of a linked customer organization, which its partner handles in the partner organization. */
export const managedByPartner = (detail: string, partnerId: string) =>
  conflict('managed-by-partner', `${detail} Its partner organization handles this.`, { partnerId });
