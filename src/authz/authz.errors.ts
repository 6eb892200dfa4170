import { DomainError } from '../common/domain-error';

export const AuthzErrors = {
  mfaRequired: () =>
    new DomainError(
      'forbidden',
      'mfa-required',
      'Two-factor authentication required',
      'This organization requires two-factor authentication of its members: turn it on with POST /api/v1/me/mfa/totp, then log in again.',
    ),
  passwordChangeRequired: () =>
    new DomainError(
      'forbidden',
      'password-change-required',
      'Password change required',
      'Change your temporary password with POST /api/v1/auth/password, then refresh your tokens.',
    ),
};
