import { ValidateBy, ValidationArguments } from 'class-validator';
import { isCardExpired, isValidCardNumber } from '../card';
import { checkIban } from '../../../common/iban';

// Messages never contain the value: they are returned to the client and may be logged.

export const IsIban = () =>
  ValidateBy({
    name: 'isIban',
    validator: {
      validate: (value) => typeof value === 'string' && checkIban(value).valid,
      defaultMessage: (args?: ValidationArguments) => {
        const check = typeof args?.value === 'string' ? checkIban(args.value) : undefined;
        return check?.valid === false ? check.reason : 'iban must be a string';
      },
    },
  });

export const IsCardNumber = () =>
  ValidateBy({
    name: 'isCardNumber',
    validator: {
      validate: (value) => typeof value === 'string' && isValidCardNumber(value),
      defaultMessage: () => 'number must be a card number of 12 to 19 digits with a valid check digit',
    },
  });

/** On expiryYear; judges month and year together once both are plausible (their own validators report otherwise). */
export const IsUnexpiredCard = () =>
  ValidateBy({
    name: 'isUnexpiredCard',
    validator: {
      validate: (year, args) => {
        const month = (args?.object as { expiryMonth?: unknown }).expiryMonth;
        if (!Number.isInteger(month) || !Number.isInteger(year)) return true;
        return !isCardExpired(month as number, year as number, new Date());
      },
      defaultMessage: () => 'the card has expired',
    },
  });
