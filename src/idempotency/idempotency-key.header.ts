import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdempotencyErrors } from './idempotency.errors';
import type { StoredResponse } from './idempotency.service';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key request header: required, 1–255 visible ASCII characters. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const header = context.switchToHttp().getRequest<FastifyRequest>().headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  const value = Array.isArray(header) ? header.join(', ') : header;
  if (value === undefined || !KEY_PATTERN.test(value)) {
    throw IdempotencyErrors.invalidKey(IDEMPOTENCY_KEY_HEADER, value === undefined);
  }
  return value;
});

export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: true,
    description:
      'Unique per intended order (e.g. a UUID). The same key with the same body returns the stored response, also for concurrent requests; the same key with another body answers 409. Keys are kept at least 24 hours.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  });

/** Answers with a stored (replayed) or fresh idempotent result: its status and body, marked with Idempotent-Replayed when replayed. */
export function sendIdempotentResult(result: StoredResponse & { replayed: boolean }, response: FastifyReply): unknown {
  if (result.replayed) response.header('Idempotent-Replayed', 'true');
  response.status(result.status);
  return result.body;
}
