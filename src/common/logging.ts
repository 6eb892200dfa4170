import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger as PinoLogger } from 'pino';
import pinoHttp from 'pino-http';
import type { onRequestHookHandler } from 'fastify';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

/** JSON lines to stdout unless another destination is given. */
export function createRootLogger(level: string, destination?: DestinationStream): PinoLogger {
  return pino(
    {
      level,
      base: { service: 'partnerhub' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
    },
    destination,
  );
}

/** The request id: X-Request-Id when it is sane, else a new UUID (Fastify's genReqId). */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
}

/**
 * Request logging (pino-http on the raw request and response) as a Fastify onRequest hook;
 * echoes the request id in X-Request-Id.
 */
export function createRequestLogging(logger: PinoLogger): onRequestHookHandler {
  const logRequest = pinoHttp({
    logger,
    // The hook below hands over Fastify's request id (requestIdOf) on the raw request.
    genReqId: (request) => request.id,
    // A 503 is a deliberate answer (database unreachable, shutting down; logged once where it is decided): no error and stack per request.
    customLogLevel: (_request, response, error) => (response.statusCode === 503 ? 'warn' : error || response.statusCode >= 500 ? 'error' : 'info'),
    customErrorObject: (_request, response, _error, logged: Record<string, unknown>) => {
      if (response.statusCode !== 503) return logged;
      const { err: _dropped, ...rest } = logged;
      return rest;
    },
    serializers: {
      req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  });
  return (request, reply, done) => {
    request.raw.id = request.id;
    reply.raw.setHeader('X-Request-Id', request.id);
    logRequest(request.raw, reply.raw);
    done();
  };
}

/** Routes Nest's own logging into the same JSON stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: PinoLogger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
