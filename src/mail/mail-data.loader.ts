import { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_LOGO_PNG } from '../../libs/branding/default-logo';
import { MailDataByTemplate, MailTemplateName, isMailTemplateName, mailBrand } from '../../libs/mail-templates';
import { formatDate, formatMoney, formatPeriod } from '../../libs/pdf';
import { User } from '../accounts/user.entity';
import { InvoiceDocument, InvoiceDocumentStatus } from '../billing/invoice-document.entity';
import { Invoice } from '../billing/invoice.entity';
import { invoiceCustomerName, invoicePdfFileName } from '../billing/invoice-pdf.job';
import { AppConfig } from '../config/app-config';
import { rawQuery } from '../database/raw-query';
import { loadSupportContact, vendorSupportContact } from '../support/support-contact';
import { loadEffectiveBranding } from '../whitelabel/effective-branding';
import { MailDelivery } from './mail-delivery.entity';

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
}

/**
 * Loads what a mail shows from the ids it references, at sending time, so a mail
 * never carries stale copies of names. `secret` is the decrypted generated password.
 */
export async function loadMailData(em: EntityManager, delivery: MailDelivery, config: AppConfig, secret?: string): Promise<LoadedMail> {
  const template = delivery.template;
  if (!isMailTemplateName(template)) throw new UndeliverableMailError(`Unknown mail template ${template}`);
  if (template === 'invoice') return loadInvoiceMail(em, delivery, config);
  const { userId, organizationId } = delivery.references;

  const user = await em.findOne(User, { id: userId });
  if (!user) throw new UndeliverableMailError(`User ${userId} no longer exists`);
  const branding = await loadEffectiveBranding(em, organizationId, config.vendor.name);
  if (!branding) throw new UndeliverableMailError(`Organization ${organizationId} no longer exists`);

  const { partner } = branding;
  const logo = await brandLogo(em, partner?.id);
  const support = await loadSupportContact(em, organizationId, vendorSupportContact(config));
  const common = {
    brand: mailBrand({ partnerName: partner?.name, vendorName: config.vendor.name, logoCid: logo ? BRAND_LOGO_CID : undefined }),
    support: support ?? undefined,
    recipientName: user.name,
    recipientEmail: delivery.recipient,
    organizationName: branding.organizationName,
    loginUrl: config.publicUrl,
  };
  const attachments = logo ? [logo] : undefined;
  switch (template) {
    case 'invitation':
      return { template, data: { ...common, temporaryPassword: secret }, attachments };
    case 'temporary-password':
      // Sent once, then the secret is erased: a retry after that has nothing to send.
      if (!secret) throw new UndeliverableMailError('The temporary password is no longer stored');
      return { template, data: { ...common, temporaryPassword: secret }, attachments };
    default:
      return { template, data: common, attachments };
  }
}

/**
 * The invoice as issued (a deleted customer organization's invoices are still mailed) with its PDF,
 * read from invoice_document now rather than carried by the job.
 */
async function loadInvoiceMail(em: EntityManager, delivery: MailDelivery, config: AppConfig): Promise<LoadedMail<'invoice'>> {
  const { invoiceId } = delivery.references;
  const invoice = await em.findOne(Invoice, { id: invoiceId }, { populate: ['organization'] });
  if (!invoice) throw new UndeliverableMailError(`Invoice ${invoiceId} does not exist`);
  const document = await em.findOne(InvoiceDocument, { invoice: invoiceId }, { populate: ['pdf'] });
  // Queued in the transaction that stored the PDF, so this is not expected; retrying may still help.
  if (document?.status !== InvoiceDocumentStatus.Rendered || !document.pdf) throw new Error(`The PDF of invoice ${invoice.number} is not rendered yet`);
  return {
    template: 'invoice',
    data: {
      brand: mailBrand({ vendorName: config.vendor.name }),
      support: vendorSupportContact(config),
      recipientName: invoice.recipient.name,
      invoiceNumber: invoice.number,
      issuedOn: formatDate(invoice.issuedAt),
      period: formatPeriod(invoice.periodStart, invoice.periodEnd),
      total: formatMoney(invoice.grossCents),
      customerName: invoiceCustomerName(invoice),
      loginUrl: config.publicUrl,
    },
    attachments: [{ filename: invoicePdfFileName(invoice.number), contentType: 'application/pdf', content: document.pdf }],
  };
}

/**
 * A customer organization's mails carry its partner's logo (none while the partner has not uploaded
 * one: the platform's logo would contradict the partner's name); everyone else's the platform's.
 */
async function brandLogo(em: EntityManager, partnerId: string | undefined): Promise<MailAttachment | null> {
  if (!partnerId) return { filename: 'logo.png', contentType: 'image/png', content: DEFAULT_LOGO_PNG, cid: BRAND_LOGO_CID };
  const [logo] = await rawQuery<{ content_type: string; data: Buffer }>(em, 'select content_type, data from organization_logo where organization_id = :partnerId', { partnerId });
  if (!logo) return null;
  return { filename: logo.content_type === 'image/png' ? 'logo.png' : 'logo.jpg', contentType: logo.content_type, content: logo.data, cid: BRAND_LOGO_CID };
}
