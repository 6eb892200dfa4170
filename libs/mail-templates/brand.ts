import { MailBrand } from './mail-data';

export const PRODUCT_NAME = 'partnerhub';

/** A customer organization's mails carry its partner's name; everyone else's the platform vendor's. */
export function mailBrand(source: { partnerName?: string; vendorName: string; logoCid?: string }): MailBrand {
  const name = source.partnerName ? `${source.partnerName} via ${PRODUCT_NAME}` : source.vendorName;
  return source.logoCid ? { name, logoCid: source.logoCid } : { name };
}
