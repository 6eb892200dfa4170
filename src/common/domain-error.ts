/**
 * What kind of refusal a DomainError is. The HTTP problem filter maps each kind to its status
 * (one table, src/common/problem.filter.ts); the CLI and workers only print the message.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'too-large' | 'unsupported-media-type' | 'rate-limited' | 'unavailable';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A refusal by a module's rules: a stable `code` (clients see it as the last path segment of
 * the problem type, e.g. `license-limit`), a title, a message for people and optional
 * extension members. It knows nothing of HTTP. Each module names its own in its *.errors.ts.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what = 'Resource') => new DomainError('not-found', 'not-found', 'Not found', `${what} does not exist or is not visible to you.`);

export const forbidden = (detail = 'Your role in this organization does not allow this.') => new DomainError('forbidden', 'forbidden', 'Forbidden', detail);

export const conflict = (code: string, detail: string, extensions?: Record<string, unknown>) => new DomainError('conflict', code, titleFromCode(code), detail, extensions);

export const badRequest = (code: string, detail: string, errors?: FieldError[]) =>
  new DomainError('invalid', code, titleFromCode(code), detail, errors ? { errors } : {});

/** validation-failed: the request breaks its schema; `errors` names each field. */
export const validationFailed = (errors: FieldError[], detail = 'The request is invalid.') => badRequest('validation-failed', detail, errors);

export const unauthorized = (detail = 'Missing, invalid or expired credentials.') => new DomainError('unauthenticated', 'unauthorized', 'Unauthorized', detail);

function titleFromCode(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
