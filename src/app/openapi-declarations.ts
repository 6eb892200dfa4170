import type { OpenAPIObject } from '@nestjs/swagger';
import { problemResponseObject } from '../common/api-problems.decorator';

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
export function declareRateLimits(document: OpenAPIObject): OpenAPIObject {
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
        ...problemResponseObject(429, 'Rate limited: this API key or user made too many requests; see Retry-After.'),
        headers: { 'Retry-After': headerRef('Retry-After'), ...rateLimitHeaders },
      };
    }
  }
  return document;
}

/**
 * Request bodies are JSON only (the multipart logo upload aside): any other Content-Type is
 * answered 415 before a handler runs, so every operation with a body can answer it.
 */
export function declareUnsupportedMediaTypes(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation?.requestBody && !operation.responses['415']) operation.responses['415'] = problemResponseObject(415);
    }
  }
  return document;
}

/**
 * Problems carry extension members (RFC 9457 §3.2) named by their type: `retryAfter`, `limit` and
 * `used`, `errors` …; the problem schema says so, so the routes' examples validate against it.
 */
export function allowProblemExtensions(document: OpenAPIObject, problemSchemaName: string): OpenAPIObject {
  const schema = document.components?.schemas?.[problemSchemaName];
  if (schema && !('$ref' in schema)) schema.additionalProperties = true;
  return document;
}

/**
 * Path parameters in the order the path names them (then the others as declared): SDK generators
 * turn them into positional arguments, so the order must not depend on how Nest collected them.
 */
export function orderPathParameters(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    const order = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation?.parameters) continue;
      const rank = (parameter: (typeof operation.parameters)[number]) =>
        '$ref' in parameter || parameter.in !== 'path' ? order.length : Math.max(0, order.indexOf(parameter.name));
      operation.parameters = operation.parameters
        .map((parameter, index) => ({ parameter, index }))
        .sort((a, b) => rank(a.parameter) - rank(b.parameter) || a.index - b.index)
        .map(({ parameter }) => parameter);
    }
  }
  return document;
}
