import { OrganizationId } from '../common/organization-id';
import type { Locale } from '../../libs/i18n';
import type { MailBrand, MailDataByTemplate, MailTemplateName, SupportContact } from '../../libs/mail-templates';

/** The mail can never be sent (its template, user or organization is gone); retrying will not help. */
export class UndeliverableMailError extends Error {}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Set for images the HTML shows inline (`cid:` URLs). */
  cid?: string;
}

/** The Content-ID of the brand logo in mails. */
export const BRAND_LOGO_CID = 'brand-logo@partnerhub';

export interface LoadedMail<T extends MailTemplateName = MailTemplateName> {
  template: T;
  data: MailDataByTemplate[T];
  attachments?: MailAttachment[];
  replyTo?: string;
}

/** What a queued mail references: the ids its content is loaded from at sending time. */
export interface MailDeliveryView {
  template: MailTemplateName;
  recipient: string;
  references: Record<string, string>;
}

/**
 * Loads what the owner's mails show, at sending time, so a mail never carries
 * stale copies of names. `secret` is the decrypted generated password, if any.
 * Throws UndeliverableMailError when the mail can never be sent.
 */
export type MailContentLoader = (delivery: MailDeliveryView, secret: string | undefined) => Promise<LoadedMail>;

/** Whose brand an organization's mails carry (whitelabel decides); null when the organization is gone. */
export type MailBrandingSource = (
  organizationId: OrganizationId,
) => Promise<{ organizationName: string; partnerName?: string; logo: MailAttachment | null } | null>;

/**
 * Whom the recipients of an organization's mails contact (support decides); `null` asks for the
 * platform vendor. `partnersOwn`: the contact is the customer organization's partner's own.
 */
export type MailSupportSource = (organizationId: OrganizationId | null) => Promise<(SupportContact & { partnersOwn?: boolean }) | null>;

/** The language an organization's mails are written in (tenancy decides); null when the organization is gone. */
export type MailLocaleSource = (organizationId: OrganizationId) => Promise<Locale | null>;

/** The parts of a mail that come from the organization it is about: language, brand, logo, support contact. */
export interface MailFrame {
  locale: Locale;
  /** A customer organization's mails are answered to its partner's support address. */
  replyTo?: string;
  brand: MailBrand;
  support?: SupportContact;
  attachments?: MailAttachment[];
}
