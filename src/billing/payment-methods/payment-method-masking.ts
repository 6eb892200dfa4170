import { CardBrand, cardBrand, cardLabel, normalizeCardNumber } from './card';
import { NewPaymentMethodDto } from './dto/payment-method.dto';
import { maskIban, normalizeIban } from '../../common/iban';
import { PaymentMethodType } from './payment-method.entity';

/** The masked record of a payment method; the full IBAN or card number goes no further than this. */
export interface MaskedPaymentMethod {
  type: PaymentMethodType;
  label: string;
  last4: string;
  brand?: CardBrand;
  expiryMonth?: number;
  expiryYear?: number;
  accountHolder?: string;
}

export function maskPaymentMethod(input: NewPaymentMethodDto): MaskedPaymentMethod {
  if (input.type === PaymentMethodType.Sepa) {
    const iban = normalizeIban(input.iban);
    return { type: input.type, label: maskIban(iban), last4: iban.slice(-4), accountHolder: input.accountHolder.trim() };
  }
  const digits = normalizeCardNumber(input.number);
  const brand = cardBrand(digits);
  const last4 = digits.slice(-4);
  return { type: input.type, label: cardLabel(brand, last4), last4, brand, expiryMonth: input.expiryMonth, expiryYear: input.expiryYear };
}

