/** Who an invoice is addressed and mailed to; invoices snapshot it when they are issued. */
export interface InvoiceRecipient {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  email: string;
  /** The recipient's VAT ID, printed on the invoice; null when it has none on file. */
  vatId?: string | null;
}

/** What a billing owner's admins saved under Settings → Organization → Billing address. */
export interface BillingAddressChoice {
  differentBillingAddress: boolean;
  useAsInvoiceRecipient: boolean;
  recipient: InvoiceRecipient;
}

export interface BillingOwnerDetails {
  name: string;
  address: { street: string; postalCode: string; city: string; country: string };
  /** Of the earliest admin membership; null only if staff removed every admin. */
  firstAdminEmail: string | null;
  /** The organization's own VAT ID, if it has one. */
  vatId?: string | null;
}

/** The form as it shows before anyone saved it: the organization itself, at its first admin's e-mail. */
export function defaultBillingAddressChoice(owner: BillingOwnerDetails): BillingAddressChoice {
  return {
    differentBillingAddress: false,
    useAsInvoiceRecipient: false,
    recipient: { name: owner.name, ...owner.address, email: owner.firstAdminEmail ?? '' },
  };
}

/**
 * The two switches of the manual, each with its own effect: "different billing
 * address" sends invoices to the saved postal address, "use as invoice
 * recipient" (only together with it) also puts the saved name on them instead
 * of the organization's. The saved e-mail is the invoice e-mail either way.
 */
export function resolveInvoiceRecipient(owner: BillingOwnerDetails, saved: BillingAddressChoice | null): InvoiceRecipient {
  const choice = saved ?? defaultBillingAddressChoice(owner);
  // A VAT ID saved with the billing address, else the organization's own.
  const vatId = choice.recipient.vatId || owner.vatId || null;
  if (!choice.differentBillingAddress) return { name: owner.name, ...owner.address, email: choice.recipient.email, vatId };
  const { name, ...postal } = choice.recipient;
  return { ...postal, name: choice.useAsInvoiceRecipient ? name : owner.name, vatId };
}

/** A value that stands for nothing: empty, or only dashes, dots and spaces (a placeholder such as "-"). */
const PLACEHOLDER = /^[\s\-–—.]*$/;

/** The fields of an invoice recipient an invoice cannot go out without (§14 UStG: full name and address; the e-mail it is mailed to). */
export function missingRecipientFields(recipient: InvoiceRecipient): (keyof InvoiceRecipient)[] {
  const fields: (keyof InvoiceRecipient)[] = ['name', 'street', 'postalCode', 'city', 'country', 'email'];
  return fields.filter((field) => PLACEHOLDER.test(recipient[field] ?? ''));
}
