import { HttpException, HttpStatus } from '@nestjs/common';

export const PROBLEM_TYPE_BASE = 'https://partnerhub.dev/problems/';

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * A domain error that maps one-to-one onto an RFC 9457 problem. `slug` becomes
 * the last path segment of `type`, e.g. `license-limit`.
 */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly slug: string,
    readonly title: string,
    detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title, status);
  }

  toProblem(): ProblemDetails {
    return {
      type: PROBLEM_TYPE_BASE + this.slug,
      title: this.title,
      status: this.getStatus(),
      detail: this.message,
      ...this.extensions,
    };
  }
}

export const notFound = (what = 'Resource') =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Not found', `${what} does not exist or is not visible to you.`);

export const forbidden = (detail = 'Your role in this organization does not allow this.') =>
  new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', detail);

export const conflict = (slug: string, detail: string, extensions?: Record<string, unknown>) =>
  new ProblemException(HttpStatus.CONFLICT, slug, titleFromSlug(slug), detail, extensions);

export const badRequest = (slug: string, detail: string, errors?: FieldError[]) =>
  new ProblemException(HttpStatus.BAD_REQUEST, slug, titleFromSlug(slug), detail, errors ? { errors } : {});

/** 400 validation-failed: the request breaks its schema; `errors` names each field. */
export const validationFailed = (errors: FieldError[], detail = 'The request is invalid.') => badRequest('validation-failed', detail, errors);

export const unauthorized = (detail = 'Missing, invalid or expired credentials.') =>
  new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', detail);

function titleFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
