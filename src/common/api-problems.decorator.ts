import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

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

/** Documents RFC 9457 problem responses for the given status codes. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}

/** Problems every authenticated organization route can answer. */
export const ApiOrgProblems = (...extra: number[]) => ApiProblems(400, 401, 403, 404, ...extra);
