import type { Locale } from '../i18n';

/** Who the mail appears to come from: a customer organization's partner, else the platform vendor. */
export interface MailBrand {
  /** Display name, e.g. "Acme IT via partnerhub" or "partnerhub GmbH". */
  name: string;
  /** Content-ID of the logo attached inline to the mail; no logo in the header without it. */
  logoCid?: string;
}

/** The contact shown under a mail; a customer organization's partner, else the vendor. */
export interface SupportContact {
  company: string;
  email: string;
  phone: string;
  website?: string | null;
  hours?: string | null;
}

/** What every mail has: its language, who it comes from, who it greets, where to sign in. */
interface BaseMailData {
  /** The recipient organization's language (libs/i18n); every sentence and the layout follow it. */
  locale: Locale;
  brand: MailBrand;
  support?: SupportContact;
  recipientName: string;
  loginUrl: string;
}

/** A mail about an account in an organization. */
interface CommonMailData extends BaseMailData {
  recipientEmail: string;
  organizationName: string;
}

export interface InvitationMailData extends CommonMailData {
  /** Present only for a generated password; a password set by hand never goes into a mail. */
  temporaryPassword?: string;
}

export type MembershipAddedMailData = CommonMailData;

/** Staff set a new password; it must be changed at the next sign-in. */
export interface TemporaryPasswordMailData extends CommonMailData {
  temporaryPassword: string;
}

/** A password reset asked for: the single-use link (and its token for API clients). */
export interface PasswordResetMailData extends CommonMailData {
  resetUrl: string;
  token: string;
  validMinutes: number;
}

/** An issued invoice, its PDF attached; amounts and dates come formatted. */
export interface InvoiceMailData extends BaseMailData {
  /** The invoice's recipient (the billing owner as addressed on it). */
  recipientName: string;
  invoiceNumber: string;
  issuedOn: string;
  period: string;
  total: string;
  /** When it is payable at the latest, formatted. */
  dueOn?: string;
  /** The customer organization the invoice is for, when it is addressed to its partner. */
  customerName?: string;
}

/** An issued credit note (Rechnungskorrektur), its PDF attached; amounts and dates come formatted. */
export interface CreditNoteMailData extends BaseMailData {
  recipientName: string;
  creditNoteNumber: string;
  correctedInvoiceNumber: string;
  issuedOn: string;
  /** The part of the corrected invoice's period that is credited. */
  period: string;
  /** Negative. */
  total: string;
  customerName?: string;
}

/** One mail whose retry schedule is spent, as staff are told about it. */
export interface FailedDeliveryData {
  template: string;
  recipient: string;
  attempts: number;
  /** Formatted. */
  queuedAt: string;
  lastError: string;
}

/** To platform staff: deliveries that failed for good since the last report; `loginUrl` opens them in the back-office. */
export interface DeliveryFailuresMailData extends BaseMailData {
  count: number;
  failures: FailedDeliveryData[];
  /** Failures in the report beyond those listed. */
  more: number;
}

/** To an organization's admins: one of its webhooks failed too long and was disabled. */
export interface WebhookDisabledMailData extends CommonMailData {
  url: string;
  /** When it last accepted nothing since, formatted. */
  failingSince: string;
  lastError?: string;
  /** The endpoint's delivery log in the API. */
  deliveriesUrl: string;
}

export interface MailDataByTemplate {
  invitation: InvitationMailData;
  'membership-added': MembershipAddedMailData;
  'temporary-password': TemporaryPasswordMailData;
  'password-reset': PasswordResetMailData;
  invoice: InvoiceMailData;
  'credit-note': CreditNoteMailData;
  'delivery-failures': DeliveryFailuresMailData;
  'webhook-disabled': WebhookDisabledMailData;
}

export type MailTemplateName = keyof MailDataByTemplate;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
