/**
 * IBAN checks of ISO 13616: the country's length from the SWIFT IBAN registry
 * and the mod-97 checksum. Pure functions; no Nest, no database.
 */

/** IBAN length per country (SWIFT IBAN registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

export type IbanCheck = { valid: true; iban: string } | { valid: false; reason: string };

/** Electronic format: no spaces, upper case (people type and paste the grouped print format). */
export function normalizeIban(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Never echoes the input: the reasons end up in API error messages. */
export function checkIban(input: string): IbanCheck {
  const iban = normalizeIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
    return { valid: false, reason: 'iban must be a country code, two check digits and letters or digits' };
  }
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTHS[country];
  if (length === undefined) return { valid: false, reason: `iban country ${country} does not use IBANs` };
  if (iban.length !== length) return { valid: false, reason: `an IBAN from ${country} has ${length} characters` };
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return { valid: false, reason: 'iban check digits do not match (typo?)' };
  return { valid: true, iban };
}

/** Letters count as 10..35; computed piecewise because the number has up to 70 digits. */
function mod97(rearranged: string): number {
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

/** `DE89 •••• •••• •••• •••• 3000`: country and check digits, then only the last four characters. */
export function maskIban(iban: string): string {
  const hiddenGroups = Math.ceil((iban.length - 8) / 4);
  return [iban.slice(0, 4), ...Array<string>(hiddenGroups).fill('••••'), iban.slice(-4)].join(' ');
}
