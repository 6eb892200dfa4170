import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_TYPE_BASE, ProblemDetails, ProblemException } from './problem';

const SLUG_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/** Turns any error into RFC 9457 problem+json; unknown errors become an opaque 500. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.toProblem();
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
  const bodyParserStatus = expressBodyErrorStatus(error);
  if (bodyParserStatus) {
    return {
      type: PROBLEM_TYPE_BASE + SLUG_BY_STATUS[bodyParserStatus],
      title: httpTitle(bodyParserStatus),
      status: bodyParserStatus,
      detail: bodyParserStatus === 413 ? 'The request body is too large.' : 'The request body could not be parsed.',
    };
  }
  return {
    type: PROBLEM_TYPE_BASE + 'internal-error',
    title: 'Internal Server Error',
    status: 500,
    detail: 'An unexpected error occurred. It has been logged.',
  };
}

/** body-parser and raw-body errors carry `type` and `status`; they are the client's fault. */
function expressBodyErrorStatus(error: unknown): number | undefined {
  const candidate = error as { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof candidate?.type === 'string' && typeof candidate.status === 'number' && candidate.expose) {
    return SLUG_BY_STATUS[candidate.status] ? candidate.status : 400;
  }
  return undefined;
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

export function sendProblem(response: Response, request: Request, problem: ProblemDetails): void {
  if (response.headersSent) return;
  const requestId = (request as { id?: unknown }).id;
  response
    .status(problem.status)
    .type('application/problem+json')
    .json({ ...problem, instance: request.originalUrl, ...(requestId ? { requestId: String(requestId) } : {}) });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const problem = toProblem(error);
    if (problem.status >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    const response = http.getResponse<Response>();
    if (problem.status === 429 && typeof problem.retryAfter === 'number') {
      response.setHeader('Retry-After', String(problem.retryAfter));
    }
    sendProblem(response, http.getRequest<Request>(), problem);
  }
}
