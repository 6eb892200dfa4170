import { NewCardPaymentMethodDto, NewSepaPaymentMethodDto } from './dto/payment-method.dto';
import { maskPaymentMethod } from './payment-method-masking';
import { PaymentMethodType } from './payment-method.entity';

describe('maskPaymentMethod', () => {
  it('keeps of an IBAN only the masked label and the last four characters', () => {
    const input: NewSepaPaymentMethodDto = { type: PaymentMethodType.Sepa, iban: 'de89 3704 0044 0532 0130 00', accountHolder: ' Muster IT GmbH ' };
    const masked = maskPaymentMethod(input);
    expect(masked).toEqual({ type: 'sepa', label: 'DE89 •••• •••• •••• •••• 3000', last4: '3000', accountHolder: 'Muster IT GmbH' });
    expect(JSON.stringify(masked)).not.toContain('370400440532');
  });

  it('keeps of a card only brand, last four digits and expiry', () => {
    const input: NewCardPaymentMethodDto = {
      type: PaymentMethodType.Card,
      number: '5555 5555 5555 4444',
      expiryMonth: 4,
      expiryYear: 2031,
      holder: 'Erika Mustermann',
    };
    const masked = maskPaymentMethod(input);
    expect(masked).toEqual({ type: 'card', label: 'Mastercard •••• 4444', last4: '4444', brand: 'mastercard', expiryMonth: 4, expiryYear: 2031 });
    expect(JSON.stringify(masked)).not.toContain('555555555555');
  });
});
