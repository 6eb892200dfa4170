import { acceptedStep, newTotpSecret, otpauthUrl, totpCode } from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-12-06T12:00:10Z'); // step 59 330 880
  const step = Math.floor(now.getTime() / 30_000);

  const cases: [string, () => string, number | null, number | null][] = [
    ['this step’s code', () => totpCode(secret, now), null, step],
    ['the previous step’s (clock drift)', () => totpCode(secret, new Date(now.getTime() - 30_000)), null, step - 1],
    ['the next step’s', () => totpCode(secret, new Date(now.getTime() + 30_000)), null, step + 1],
    ['a code two steps old', () => totpCode(secret, new Date(now.getTime() - 60_000)), null, null],
    ['a code used already (replay)', () => totpCode(secret, now), step, null],
    ['a code older than the last used one', () => totpCode(secret, new Date(now.getTime() - 30_000)), step, null],
    ['a newer code after the last used one', () => totpCode(secret, new Date(now.getTime() + 30_000)), step, step + 1],
    ['not six digits', () => 'abc123', null, null],
  ];

  it.each(cases)('%s', (_case, code, lastUsedStep, expected) => {
    expect(acceptedStep(secret, code(), now, lastUsedStep)).toBe(expected);
  });

  it('describes the secret for authenticator apps', () => {
    expect(otpauthUrl(secret, 'anna@example.com', 'partnerhub')).toMatch(/^otpauth:\/\/totp\/partnerhub:anna%40example\.com\?issuer=partnerhub&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/);
  });
});
