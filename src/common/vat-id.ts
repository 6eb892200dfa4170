import { ValidateBy, ValidationOptions } from 'class-validator';
import isVAT, { VATCountryCode } from 'validator/lib/isVAT';

/**
 * VAT identification numbers (USt-IdNr.): validator.js's format per country,
 * chosen by the number's own prefix (EL for Greece, as VAT IDs write it). A
 * format check only: whether the number is registered is for VIES to say.
 */

/** Returns the VAT ID as it is stored and printed (no spaces, upper case), or null when its format is not valid. */
export function parseVatId(input: string): string | null {
  const compact = input.replace(/\s/g, '').toUpperCase();
  return matchesOwnCountry(compact) ? compact : null;
}

function matchesOwnCountry(vatId: string): boolean {
  const prefix = vatId.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(prefix)) return false;
  try {
    return isVAT(vatId, prefix as VATCountryCode);
  } catch {
    // validator.js throws for a country it has no format for: not a VAT ID we can accept.
    return false;
  }
}

export const IsVatId = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isVatId',
      validator: {
        validate: (value) => typeof value === 'string' && parseVatId(value) !== null,
        defaultMessage: (args) => `${args?.property} must be a VAT ID with its country prefix, such as DE123456789`,
      },
    },
    options,
  );
