import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

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
