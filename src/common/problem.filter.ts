import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorKind, FieldError } from './domain-error';

export const PROBLEM_TYPE_BASE = 'https://partnerhub.dev/problems/';

/** RFC 9457 problem details, as every error response carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** The one mapping of domain errors onto HTTP. */
const STATUS_BY_KIND: Record<ErrorKind, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'unsupported-media-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'rate-limited': HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

export const httpStatusOf = (error: DomainError): HttpStatus => STATUS_BY_KIND[error.kind];

const SLUG_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/** Turns any error into RFC 9457 problem+json; unknown errors become an opaque 500. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof DomainError) {
    return { type: PROBLEM_TYPE_BASE + error.code, title: error.title, status: httpStatusOf(error), detail: error.message, ...error.extensions };
  }
  const clientError = fastifyClientError(error);
  if (clientError) {
    const { status, code, message } = clientError;
    return {
      type: PROBLEM_TYPE_BASE + (SLUG_BY_STATUS[status] ?? 'bad-request'),
      title: httpTitle(status),
      status,
      detail: (code.startsWith('FST_ERR_CTP_') && BODY_ERROR_DETAILS[status]) || message,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return {
      type: PROBLEM_TYPE_BASE + (SLUG_BY_STATUS[status] ?? 'error'),
      title: httpTitle(status),
      status,
      detail: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : httpTitle(status),
    };
  }
  return {
    type: PROBLEM_TYPE_BASE + 'internal-error',
    title: 'Internal Server Error',
    status: 500,
    detail: 'An unexpected error occurred. It has been logged.',
  };
}

const BODY_ERROR_DETAILS: Record<number, string> = {
  400: 'The request body could not be parsed.',
  413: 'The request body is too large.',
  415: 'Send the request body as application/json.',
};

/**
 * Fastify's errors about the request itself (malformed JSON, body too large, unsupported body
 * type, a malformed URL), which Nest hands over either as they are or wrapped in an HttpException.
 */
function fastifyClientError(error: unknown): { status: number; code: string; message: string } | undefined {
  const candidate = (error instanceof HttpException ? error.cause : error) as { statusCode?: unknown; code?: unknown; message?: unknown } | undefined;
  const status = candidate?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const message = typeof candidate?.message === 'string' ? candidate.message : '';
  if (typeof candidate?.code === 'string' && candidate.code.startsWith('FST_')) return { status, code: candidate.code, message };
  // The JSON parser's SyntaxError (with statusCode 400).
  return candidate instanceof SyntaxError ? { status: 400, code: 'FST_ERR_CTP_INVALID_JSON', message } : undefined;
}

function httpTitle(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word, index) => (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

/**
 * Writes the problem document. Route handlers and Fastify (body parsing, unknown routes) hand
 * over Fastify's request and reply; Nest middleware, which runs on the raw Node objects, the raw ones.
 */
export function sendProblem(response: FastifyReply | ServerResponse, request: FastifyRequest | IncomingMessage, problem: ProblemDetails): void {
  const raw = 'raw' in response ? response.raw : response;
  if (raw.headersSent) return;
  const requestId = (request as { id?: unknown }).id;
  // Under Nest middleware the raw request's url is cut to the middleware's own path; originalUrl keeps the request's.
  const instance = ('originalUrl' in request && typeof request.originalUrl === 'string' ? request.originalUrl : undefined) ?? request.url;
  const body = JSON.stringify({ ...problem, instance, ...(requestId ? { requestId: String(requestId) } : {}) });
  const headers = { 'content-type': 'application/problem+json; charset=utf-8', ...(typeof problem.retryAfter === 'number' ? { 'retry-after': String(problem.retryAfter) } : {}) };
  if ('raw' in response) {
    void response.status(problem.status).headers(headers).send(body);
  } else {
    response.writeHead(problem.status, { ...headers, 'content-length': Buffer.byteLength(body) }).end(body);
  }
}

/** Turns an infrastructure error it recognises (the database gone) into the DomainError clients see; else undefined. */
export type ErrorTranslator = (error: unknown) => DomainError | undefined;

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly translators: readonly ErrorTranslator[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const translated = this.translators.reduce<DomainError | undefined>((found, translate) => found ?? translate(error), undefined);
    const problem = toProblem(translated ?? error);
    // Fastify's request, or the raw one when a middleware failed; the logging hook gives both the id.
    const request = http.getRequest<FastifyRequest | (IncomingMessage & { id?: string })>();
    if (problem.status >= 500 && !translated) {
      // The request id ties the stack trace to the requestId of the problem a client reports.
      const failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.logger.error(`${request.method} ${request.url} (request ${request.id}) failed: ${failure}`);
    }
    sendProblem(http.getResponse(), request, problem);
  }
}
