import { DomainError, badRequest } from '../common/domain-error';

/** What login and tokens refuse, each with its problem type. */
export const AuthErrors = {
  /** The same for an unknown account and a wrong password. */
  invalidCredentials: () => new DomainError('unauthenticated', 'invalid-credentials', 'Invalid credentials', 'E-mail or password is wrong.'),
  tooManyLoginAttempts: (retryAfter: number) =>
    new DomainError('rate-limited', 'too-many-login-attempts', 'Too many login attempts', `Too many failed logins; try again in ${retryAfter} seconds.`, {
      retryAfter,
    }),
  invalidRefreshToken: () => new DomainError('unauthenticated', 'invalid-refresh-token', 'Invalid refresh token', 'Log in again.'),
  wrongCurrentPassword: () =>
    badRequest('invalid-current-password', 'currentPassword is wrong.', [{ field: 'currentPassword', message: 'currentPassword is wrong' }]),
  passwordUnchanged: () =>
    badRequest('password-unchanged', 'The new password must differ from the current one.', [{ field: 'newPassword', message: 'newPassword must differ from currentPassword' }]),
};
