import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { DomainError, conflict, forbidden, notFound, unauthorized, validationFailed } from './domain-error';
import { httpStatusOf, toProblem } from './problem.filter';

export class FieldErrorDto {
  @ApiProperty({ example: 'address.country' })
  field: string;

  @ApiProperty({ example: 'country must be a valid ISO31661 Alpha2 code' })
  message: string;
}

export class ProblemDto {
  @ApiProperty({ format: 'uri', example: 'https://partnerhub.dev/problems/license-limit' })
  type: string;

  @ApiProperty({ example: 'License limit' })
  title: string;

  @ApiProperty({ type: 'integer', format: 'int32', example: 409 })
  status: number;

  @ApiProperty({ example: 'All 2 licences are in use.' })
  detail: string;

  @ApiPropertyOptional({ description: 'The request path.' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Correlates with the X-Request-Id response header and the server logs.' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Present on validation errors.' })
  errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (validation-failed, invalid-cursor, …).',
  401: 'Missing, invalid or expired access token.',
  403: 'The caller can see the organization but its role does not allow this (or a password change is required).',
  404: 'The organization or object does not exist, or the caller may not see it at all.',
  409: 'Conflict with the current state; `type` names it.',
  413: 'Request body or upload too large.',
  415: 'Unsupported media type.',
  429: 'Rate limited; see Retry-After.',
  503: 'A dependency is unavailable.',
};

/** What each status answers when a route names no problem of its own (the problems the guards and pipes give). */
const GENERIC_PROBLEMS: Record<number, () => DomainError> = {
  400: () => validationFailed([{ field: 'name', message: 'name must not be blank' }]),
  401: () => unauthorized(),
  403: () => forbidden(),
  404: () => notFound('Organization'),
  409: () => conflict('conflict', 'The request conflicts with the current state; `type` names how.'),
  413: () => new DomainError('too-large', 'payload-too-large', 'Payload too large', 'The body exceeds 100 kB.'),
  415: () => new DomainError('unsupported-media-type', 'unsupported-media-type', 'Unsupported media type', 'Send the body as application/json.'),
  503: () => new DomainError('unavailable', 'service-unavailable', 'Service unavailable', 'PostgreSQL is unreachable; try again shortly.'),
  429: () =>
    new DomainError('rate-limited', 'rate-limit-exceeded', 'Rate limit exceeded', 'This API key or user made more than 600 requests in 60 s; try again in 12 s.', {
      retryAfter: 12,
    }),
};

/** An organization id for examples (a partner's, where a problem names one). */
export const EXAMPLE_ORGANIZATION_ID = '8d0f7c1e-2b7a-4f5e-9a4c-1f3b2d6e7a90';

const exampleOf = (error: DomainError) => ({ ...toProblem(error), instance: `/api/v1/organizations/${EXAMPLE_ORGANIZATION_ID}` });

/** A status's generic problem response, for documents post-processed outside the decorators (415, 429). */
export function problemResponseObject(status: number, description = DESCRIPTIONS[status] ?? 'Error') {
  const generic = GENERIC_PROBLEMS[status];
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) }, ...(generic ? { example: exampleOf(generic()) } : {}) } },
  };
}

/**
 * Documents RFC 9457 problem responses: a status answers with its generic problem, unless the
 * route names its own — a DomainError from its module's *.errors.ts, so the example is exactly what
 * the route answers (type, title, detail, extension members). Several problems of one status become
 * named examples.
 */
export function ApiProblems(...problems: (number | DomainError)[]) {
  const byStatus = new Map<number, DomainError[]>();
  for (const problem of problems) {
    const status = typeof problem === 'number' ? problem : httpStatusOf(problem);
    if (typeof problem === 'number') {
      if (!byStatus.has(status)) byStatus.set(status, []);
    } else {
      byStatus.set(status, [...(byStatus.get(status) ?? []), problem]);
    }
  }
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...[...byStatus].map(([status, errors]) => {
      const examples = errors.length > 0 ? errors : GENERIC_PROBLEMS[status] ? [GENERIC_PROBLEMS[status]()] : [];
      const media =
        examples.length > 1
          ? { examples: Object.fromEntries(examples.map((error) => [error.code, { summary: error.title, value: exampleOf(error) }])) }
          : examples.length === 1
            ? { example: exampleOf(examples[0]) }
            : {};
      return ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) }, ...media } },
      });
    }),
  );
}

/** Problems every authenticated organization route can answer, and the route's own (statuses or DomainErrors). */
export const ApiOrgProblems = (...extra: (number | DomainError)[]) => ApiProblems(400, 401, 403, 404, ...extra);
