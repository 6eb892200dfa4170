import type { OpenAPIObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'Requests this API key or user may make per window.', schema: { type: 'integer', format: 'int32' } },
  'RateLimit-Remaining': { description: 'Requests left in the current window.', schema: { type: 'integer', format: 'int32' } },
  'RateLimit-Reset': { description: 'Seconds until the current window ends.', schema: { type: 'integer', format: 'int32' } },
};
const RETRY_AFTER = { description: 'Seconds to wait before trying again.', schema: { type: 'integer', format: 'int32' } };
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

/**
 * Every authenticated operation is rate-limited per API key or user (RequestRateLimitGuard): its
 * answers carry the RateLimit-* headers, and it can answer 429 with Retry-After. Nest's decorators
 * would have to repeat that on every handler; the document says it once, here. Run after
 * `markPublicOperations`, which tells public operations (`security: []`) apart.
 */
export function declareRateLimits(document: OpenAPIObject, problemSchemaRef: string): OpenAPIObject {
  document.components = { ...document.components, headers: { ...document.components?.headers, ...RATE_LIMIT_HEADERS, 'Retry-After': RETRY_AFTER } };
  const rateLimitHeaders = Object.fromEntries(Object.keys(RATE_LIMIT_HEADERS).map((name) => [name, headerRef(name)]));
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation || operation.security?.length === 0) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        // 401s come before anyone is counted.
        if (!response || status === '401' || '$ref' in response) continue;
        response.headers = { ...response.headers, ...rateLimitHeaders };
      }
      operation.responses['429'] = {
        description: 'Rate limited: this API key or user made too many requests; see Retry-After.',
        headers: { 'Retry-After': headerRef('Retry-After'), ...rateLimitHeaders },
        content: { 'application/problem+json': { schema: { $ref: problemSchemaRef } } },
      };
    }
  }
  return document;
}
