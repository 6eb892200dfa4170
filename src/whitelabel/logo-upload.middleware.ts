import type { IncomingMessage, ServerResponse } from 'node:http';
import { ExecutionContext, Injectable, NestMiddleware, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import multer, { MulterError } from 'multer';
import { LOGO_MAX_BYTES } from '../../libs/branding/logo-image';
import { BearerVerifier } from '../auth/bearer-verifier';
import { DomainError, unauthorized } from '../common/domain-error';
import { LOGO_FIELD, LogoErrors } from './whitelabel.errors';
import { errorMessage } from '../common/error-message';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 20 },
}).single(LOGO_FIELD);

/**
 * A refused upload's body is read and discarded up to this much before the answer goes out, so a
 * client that sends its whole body before reading (Node's fetch) gets the answer instead of a reset
 * connection; beyond it, or after REFUSED_BODY_DRAIN_MS, the connection is closed after answering.
 */
const REFUSED_BODY_DRAIN_BYTES = 8 * 1024 * 1024;
const REFUSED_BODY_DRAIN_MS = 10_000;

/**
 * Reads the multipart logo upload before guards and interceptors run, so the request's
 * transaction is not held open while a client streams, but only for a caller with a valid token:
 * an anonymous one is refused before a byte of the body is parsed or buffered. Multer counts the
 * bytes it really receives: a Content-Length that lies, or chunked uploads, hit the same 1 MB limit.
 * Errors are thrown, not passed to next(): Nest hands them to the global problem filter.
 */
@Injectable()
export class LogoUploadMiddleware implements NestMiddleware {
  constructor(private readonly tokens: BearerVerifier) {}

  async use(request: IncomingMessage, response: ServerResponse, next: () => void): Promise<void> {
    if (!(await this.tokens.isValidBearer(request.headers.authorization))) return refuse(request, response, unauthorized());
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > LOGO_MAX_BYTES + MULTIPART_OVERHEAD_BYTES) return refuse(request, response, LogoErrors.tooLarge());
    // multer only reads a multipart body; the controller answers any other type with 415.
    const failure = await new Promise<unknown>((resolve) =>
      upload(request as Parameters<typeof upload>[0], response as Parameters<typeof upload>[1], (error: unknown) => resolve(error)),
    );
    if (failure) return refuse(request, response, uploadProblem(failure));
    next();
  }
}

async function refuse(request: IncomingMessage, response: ServerResponse, problem: DomainError): Promise<never> {
  await discardRest(request, response);
  throw problem;
}

/** Reads what is left of the body into nothing, up to the drain bounds; past them the connection closes after the answer. */
function discardRest(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.readableEnded || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let received = 0;
    const done = () => {
      clearTimeout(timer);
      request.off('data', count);
      request.off('end', done);
      request.off('error', done);
      resolve();
    };
    const giveUp = () => {
      response.setHeader('Connection', 'close');
      done();
    };
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > REFUSED_BODY_DRAIN_BYTES) giveUp();
    };
    const timer = setTimeout(giveUp, REFUSED_BODY_DRAIN_MS);
    request.on('data', count);
    request.on('end', done);
    request.on('error', done);
    request.resume();
  });
}

/** The file multer read from the upload (on the raw request, where Nest middleware runs on Fastify). */
export const UploadedLogo = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Express.Multer.File | undefined =>
    (context.switchToHttp().getRequest<FastifyRequest>().raw as IncomingMessage & { file?: Express.Multer.File }).file,
);

export function isMultipart(contentType: string | undefined): boolean {
  return /^multipart\/form-data\s*(;|$)/i.test(contentType ?? '');
}

function uploadProblem(error: unknown): DomainError {
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return LogoErrors.tooLarge();
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FILE_COUNT':
        return LogoErrors.unexpectedField(error.field);
      default:
        return LogoErrors.malformedMultipart(error.message);
    }
  }
  return LogoErrors.malformedMultipart(`The multipart body cannot be read: ${errorMessage(error)}.`);
}
