import { badRequest } from '../../common/domain-error';

export const PasswordResetErrors = {
  invalidToken: () =>
    badRequest('invalid-reset-token', 'This reset link is invalid, used or expired; ask for a new one.', [{ field: 'token', message: 'token is invalid, used or expired' }]),
};
