import { EntityManager } from '@mikro-orm/postgresql';
import { MailDataByTemplate, MailTemplateName, SupportContact, isMailTemplateName, mailBrand } from '../../libs/mail-templates';
import { User } from '../accounts/user.entity';
import { AppConfig } from '../config/app-config';
import { Organization, OrganizationKind } from '../tenancy/organization.entity';
import { MailDelivery } from './mail-delivery.entity';

/** The mail can never be sent (its template, user or organization is gone); retrying will not help. */
export class UndeliverableMailError extends Error {}

export interface LoadedMail<T extends MailTemplateName = MailTemplateName> {
  template: T;
  data: MailDataByTemplate[T];
}

/**
 * Loads what a mail shows from the ids it references, at sending time, so a mail
 * never carries stale copies of names. `secret` is the decrypted generated password.
 */
export async function loadMailData(em: EntityManager, delivery: MailDelivery, config: AppConfig, secret?: string): Promise<LoadedMail> {
  const template = delivery.template;
  if (!isMailTemplateName(template)) throw new UndeliverableMailError(`Unknown mail template ${template}`);
  const { userId, organizationId } = delivery.references;

  const user = await em.findOne(User, { id: userId });
  if (!user) throw new UndeliverableMailError(`User ${userId} no longer exists`);
  const organization = await em.findOne(Organization, { id: organizationId, deletedAt: null }, { populate: ['partner'] });
  if (!organization) throw new UndeliverableMailError(`Organization ${organizationId} no longer exists`);

  const partner = organization.kind === OrganizationKind.Customer && !organization.partner?.deletedAt ? organization.partner : undefined;
  const common = {
    brand: mailBrand({ partnerName: partner?.name, vendorName: config.vendor.name }),
    support: partner ? undefined : vendorSupport(config),
    recipientName: user.name,
    recipientEmail: delivery.recipient,
    organizationName: organization.name,
    loginUrl: config.publicUrl,
  };
  return template === 'invitation' ? { template, data: { ...common, temporaryPassword: secret } } : { template, data: common };
}

// A customer organization's mails will show its partner's support settings once those exist;
// until then they show none rather than the vendor's.
function vendorSupport(config: AppConfig): SupportContact {
  return { company: config.vendor.name, email: config.vendor.supportEmail, phone: config.vendor.supportPhone };
}
