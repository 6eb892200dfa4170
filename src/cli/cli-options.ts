import { plainToInstance } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength, validateSync } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../accounts/password-hasher';

/** Bad command-line input: printed as `{error}` without a stack trace. */
export class CliUsageError extends Error {}

/** Validates parsed command-line options with the same class-validator rules the API uses. */
export function validOptions<T extends object>(type: new () => T, raw: object): T {
  const options = plainToInstance(type, raw);
  const errors = validateSync(options, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new CliUsageError(errors.flatMap((error) => Object.values(error.constraints ?? {})).join('; '));
  }
  return options;
}

/** Strict decimal parsing: `Number('')` would be 0 and `Number('1e2')` 100. */
export function parseDecimal(value: string): number {
  return /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
}

/** --email and --password of a new login, checked like the API checks them. */
export class LoginOptions {
  @IsEmail({}, { message: '--email must be an e-mail address' })
  @MaxLength(254, { message: '--email must be at most 254 characters' })
  email: string;

  @IsString({ message: '--password is required' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `--password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `--password must be at most ${MAX_PASSWORD_LENGTH} characters` })
  password: string;
}
