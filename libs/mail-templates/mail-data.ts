/** Who the mail appears to come from: a customer organization's partner, else the platform vendor. */
export interface MailBrand {
  /** Display name, e.g. "Acme IT via partnerhub" or "partnerhub GmbH". */
  name: string;
}

/** The contact shown under a mail; a customer organization's partner, else the vendor. */
export interface SupportContact {
  company: string;
  email: string;
  phone: string;
}

interface CommonMailData {
  brand: MailBrand;
  support?: SupportContact;
  recipientName: string;
  recipientEmail: string;
  organizationName: string;
  loginUrl: string;
}

export interface InvitationMailData extends CommonMailData {
  /** Present only for a generated password; a password set by hand never goes into a mail. */
  temporaryPassword?: string;
}

export type MembershipAddedMailData = CommonMailData;

export interface MailDataByTemplate {
  invitation: InvitationMailData;
  'membership-added': MembershipAddedMailData;
}

export type MailTemplateName = keyof MailDataByTemplate;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
