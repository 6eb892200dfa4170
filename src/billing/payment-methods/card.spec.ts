import { cardBrand, cardLabel, isCardExpired, isValidCardNumber, passesLuhn } from './card';

describe('card numbers', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['4242 4242 4242 4242', 'visa'],
    ['4000-0566-5566-5556', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['371449635398431', 'amex'],
    ['6011111111111117', 'other'],
    ['3566002020360505', 'other'],
  ])('accepts %s as %s', (number, brand) => {
    expect(isValidCardNumber(number)).toBe(true);
    expect(cardBrand(number.replace(/\D/g, ''))).toBe(brand);
  });

  it.each([
    ['a Luhn error', '4242424242424241'],
    ['too short', '42424242424'],
    ['too long', '42424242424242424242'],
    ['letters', '4242abcd42424242'],
    ['nothing', ''],
  ])('rejects %s', (_name, number) => {
    expect(isValidCardNumber(number)).toBe(false);
  });

  it('computes the Luhn checksum from the right', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
  });
});

describe('isCardExpired', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('keeps a card valid through the last day of its expiry month', () => {
    expect(isCardExpired(11, 2026, now)).toBe(false);
    expect(isCardExpired(11, 2026, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(isCardExpired(11, 2026, new Date('2026-12-01T00:00:00Z'))).toBe(true);
  });

  it('expires cards of earlier months and years', () => {
    expect(isCardExpired(10, 2026, now)).toBe(true);
    expect(isCardExpired(12, 2025, now)).toBe(true);
    expect(isCardExpired(1, 2027, now)).toBe(false);
  });

  it('rolls December into the next year', () => {
    expect(isCardExpired(12, 2026, new Date('2026-12-31T23:59:59Z'))).toBe(false);
    expect(isCardExpired(12, 2026, new Date('2027-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('cardLabel', () => {
  it('shows the brand and the last four digits only', () => {
    expect(cardLabel('visa', '4242')).toBe('Visa •••• 4242');
    expect(cardLabel('other', '1117')).toBe('Card •••• 1117');
  });
});
