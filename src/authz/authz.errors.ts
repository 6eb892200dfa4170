import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../common/problem';

export const AuthzErrors = {
  passwordChangeRequired: () =>
    new ProblemException(
      HttpStatus.FORBIDDEN,
      'password-change-required',
      'Password change required',
      'Change your temporary password with POST /api/v1/auth/password, then refresh your tokens.',
    ),
};
