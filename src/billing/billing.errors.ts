import { conflict } from '../common/domain-error';

/** 409 for billing matters of a linked customer organization, which its partner handles in the partner organization. */
export const managedByPartner = (detail: string, partnerId: string) =>
  conflict('managed-by-partner', `${detail} Its partner organization handles this.`, { partnerId });

/** 409 when the billing owner's invoice address lacks what an invoice must show; its admins complete it under Billing address. */
export const billingAddressIncomplete = (billingOwnerId: string, missingFields: string[]) =>
  conflict(
    'billing-address-incomplete',
    `The billing address of the organization that pays lacks ${missingFields.join(', ')}; an invoice cannot be issued without them. Complete it under Billing address and order again.`,
    { billingOwnerId, missingFields },
  );
