import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as authenticator apps use it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/** Codes of the step before and after count too: phone clocks drift. */
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totpOf = (secret: string, label = 'partnerhub', issuer = 'partnerhub') =>
  new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS });

/** The otpauth:// URL an authenticator app reads from a QR code. */
export function otpauthUrl(secret: string, accountName: string, issuer: string): string {
  return totpOf(secret, accountName, issuer).toString();
}

/**
 * The time step a code belongs to when it is valid now (this step or a neighbour), or null. A code
 * of a step at or before `lastUsedStep` is refused: a code works once (otpauth checks the code, this
 * the replay).
 */
export function acceptedStep(secret: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

/** The code of a moment (for tests and the enrolment check). */
export function totpCode(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}
