import { DomainError } from '../common/domain-error';

export const AuthzErrors = {
  passwordChangeRequired: () =>
    new DomainError(
      'forbidden',
      'password-change-required',
      'Password change required',
      'Change your temporary password with POST /api/v1/auth/password, then refresh your tokens.',
    ),
};
