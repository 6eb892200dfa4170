import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ProblemException, validationFailed } from './problem';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID (any version, either case): what a uuid column accepts. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);

export const invalidUuid = (name: string): ProblemException =>
  validationFailed([{ field: name, message: `${name} must be a UUID` }], `${name} must be a UUID.`);

/** A route parameter that must be a UUID; anything else is a 400 validation problem naming it. */
export const UuidParam = (name: string) => Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalidUuid(name) }));
