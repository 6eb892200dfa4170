import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ProblemException, badRequest } from './problem';

export const invalidUuid = (name: string): ProblemException =>
  badRequest('validation-failed', `${name} must be a UUID.`, [{ field: name, message: `${name} must be a UUID` }]);

/** A route parameter that must be a UUID; anything else is a 400 validation problem naming it. */
export const UuidParam = (name: string) => Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalidUuid(name) }));
