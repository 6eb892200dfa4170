import { Inject, Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { DEFAULT_LOCALE, Locale } from '../../libs/i18n';
import { isMailTemplateName, mailBrand, MailTemplateName, SupportContact } from '../../libs/mail-templates';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import {
  BRAND_LOGO_CID,
  LoadedMail,
  MailBrandingSource,
  MailContentLoader,
  MailFrame,
  MailLocaleSource,
  MailSupportSource,
  UndeliverableMailError,
} from './mail-content';

/**
 * Mail knows templates and senders, not the modules whose data a mail shows:
 * those modules register here how to load their templates' content (accounts,
 * billing), whose brand a mail carries (whitelabel) and whom to contact (support).
 */
@Injectable()
export class MailContentRegistry {
  private readonly loaders = new Map<MailTemplateName, MailContentLoader>();
  private branding?: MailBrandingSource;
  private support?: MailSupportSource;
  private locale?: MailLocaleSource;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  provideTemplates(templates: readonly MailTemplateName[], loader: MailContentLoader): void {
    for (const template of templates) this.loaders.set(template, loader);
  }

  provideBranding(source: MailBrandingSource): void {
    this.branding = source;
  }

  provideSupportContact(source: MailSupportSource): void {
    this.support = source;
  }

  provideLocale(source: MailLocaleSource): void {
    this.locale = source;
  }

  async load(delivery: { template: string; recipient: string; references: Record<string, string> }, secret?: string): Promise<LoadedMail> {
    const { template } = delivery;
    if (!isMailTemplateName(template)) throw new UndeliverableMailError(`Unknown mail template ${template}`);
    const loader = this.loaders.get(template);
    // A wiring mistake, not a property of the mail: it fails (and retries) until the owning module is loaded.
    if (!loader) throw new Error(`No module loads the content of ${template} mails`);
    return loader({ ...delivery, template }, secret);
  }

  /** Language, brand, logo and support contact of mails about an organization. */
  async organizationFrame(organizationId: OrganizationId): Promise<MailFrame & { organizationName: string }> {
    const branding = await this.required(this.branding, 'branding')(organizationId);
    if (!branding) throw new UndeliverableMailError(`Organization ${organizationId} no longer exists`);
    const [support, locale] = await Promise.all([
      this.required(this.support, 'support contact')(organizationId),
      this.required(this.locale, 'language')(organizationId),
    ]);
    return {
      locale: locale ?? DEFAULT_LOCALE,
      replyTo: support?.partnersOwn ? support.email : undefined,
      brand: mailBrand({ partnerName: branding.partnerName, vendorName: this.config.vendor.name, logoCid: branding.logo ? BRAND_LOGO_CID : undefined }),
      support: support ? withoutOrigin(support) : undefined,
      attachments: branding.logo ? [branding.logo] : undefined,
      organizationName: branding.organizationName,
    };
  }

  /** Brand and support contact of the platform vendor (invoices come from the vendor), in the recipient's language. */
  async vendorFrame(locale: Locale): Promise<MailFrame> {
    const support = await this.required(this.support, 'support contact')(null);
    return { locale, brand: mailBrand({ vendorName: this.config.vendor.name }), support: support ? withoutOrigin(support) : undefined };
  }

  private required<T>(source: T | undefined, what: string): T {
    if (!source) throw new Error(`No module provides the ${what} of mails`);
    return source;
  }
}

const withoutOrigin = ({ partnersOwn: _partnersOwn, ...contact }: SupportContact & { partnersOwn?: boolean }): SupportContact => contact;
