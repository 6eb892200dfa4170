import type { IncomingMessage, ServerResponse } from 'node:http';
import { ExecutionContext, Injectable, NestMiddleware, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import multer, { MulterError } from 'multer';
import { LOGO_MAX_BYTES } from '../../libs/branding/logo-image';
import { DomainError } from '../common/domain-error';
import { LOGO_FIELD, LogoErrors } from './whitelabel.errors';
import { errorMessage } from '../common/error-message';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 20 },
}).single(LOGO_FIELD);

/**
 * Reads the multipart logo upload before guards and interceptors run, so the request's
 * transaction is not held open while a client streams. Multer counts the bytes it really
 * receives: a Content-Length that lies, or chunked uploads, hit the same 1 MB limit.
 */
@Injectable()
export class LogoUploadMiddleware implements NestMiddleware {
  async use(request: IncomingMessage, response: ServerResponse, next: () => void): Promise<void> {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > LOGO_MAX_BYTES + MULTIPART_OVERHEAD_BYTES) {
      // The body stays unread; the connection cannot be reused.
      response.setHeader('Connection', 'close');
      throw LogoErrors.tooLarge();
    }
    // Thrown, not passed to next(): Nest hands exceptions thrown by middleware to the global problem filter.
    // multer only reads a multipart body; the controller answers any other type with 415.
    await new Promise<void>((resolve, reject) =>
      upload(request as Parameters<typeof upload>[0], response as Parameters<typeof upload>[1], (error: unknown) => (error ? reject(uploadProblem(error)) : resolve())),
    );
    next();
  }
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
