import type { InvoiceRecipient } from '../billing-address/invoice-recipient';

/** The member states of the European Union (ISO 3166-1 alpha-2; Greece's VAT IDs say EL). */
const EU_COUNTRIES = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);

/**
 * How an invoice is taxed, decided once at issue and kept on it:
 * - `domestic`: the seller's VAT rate (a recipient in the seller's country, or one in another EU
 *   country without a VAT ID, i.e. not shown to be a business);
 * - `reverse-charge`: a business in another EU country (a VAT ID on file) owes the VAT itself
 *   (§13b UStG): 0 %, both VAT IDs and the wording on the invoice;
 * - `outside-eu`: a recipient outside the EU: the service is not taxable in Germany: 0 %, with the note.
 */
export type VatTreatment = 'domestic' | 'reverse-charge' | 'outside-eu';

export function vatTreatment(sellerCountry: string, recipient: Pick<InvoiceRecipient, 'country' | 'vatId'>): VatTreatment {
  const country = recipient.country.toUpperCase();
  if (country === sellerCountry.toUpperCase()) return 'domestic';
  if (!EU_COUNTRIES.has(country)) return 'outside-eu';
  return recipient.vatId ? 'reverse-charge' : 'domestic';
}

/** The VAT rate an invoice with this treatment carries. */
export function vatRateFor(treatment: VatTreatment, domesticRatePercent: number): number {
  return treatment === 'domestic' ? domesticRatePercent : 0;
}
