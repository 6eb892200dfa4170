import { DomainError, conflict } from '../../common/domain-error';

export const MfaErrors = {
  /** One answer for a wrong, replayed or expired code or login token: nothing tells them apart. */
  invalidCode: () => new DomainError('unauthenticated', 'invalid-mfa-code', 'Invalid code', 'The code is wrong, used already or expired, or the login took too long; log in again.'),
  alreadyEnabled: () => conflict('mfa-already-enabled', 'Two-factor authentication is on already; turn it off first to enrol another device.'),
  notStarted: () => conflict('mfa-not-started', 'Start the enrolment first (POST /me/mfa/totp), then confirm a code of the new secret.'),
  notEnabled: () => conflict('mfa-not-enabled', 'Two-factor authentication is not on.'),
};
