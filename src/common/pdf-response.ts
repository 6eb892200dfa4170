import { HttpStatus, StreamableFile, Type, applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

/** How long a client should wait before asking again for a PDF the pdf queue has not rendered yet. */
export const PDF_RETRY_AFTER_SECONDS = 2;

/** Answers 202 with Retry-After; the body names the document's status. */
export function pdfPending<Status extends string>(response: FastifyReply, status: Status): { status: Status; retryAfter: number } {
  response.status(HttpStatus.ACCEPTED).header('Retry-After', String(PDF_RETRY_AFTER_SECONDS));
  return { status, retryAfter: PDF_RETRY_AFTER_SECONDS };
}

const attachment = (content: Buffer, type: string, fileName: string) => new StreamableFile(content, { type, disposition: `attachment; filename="${fileName}"` });

export function pdfAttachment(pdf: Buffer, fileName: string): StreamableFile {
  return attachment(pdf, 'application/pdf', fileName);
}

export function xmlAttachment(xml: string, fileName: string): StreamableFile {
  return attachment(Buffer.from(xml, 'utf8'), 'application/xml; charset=utf-8', fileName);
}

/** The 202 of a document the pdf queue has not rendered yet, with its Retry-After header declared. */
const ApiRenderPending = (type: Type<unknown>) =>
  ApiAcceptedResponse({
    type,
    description: 'Not rendered yet; ask again after Retry-After seconds',
    headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer', format: 'int32', example: PDF_RETRY_AFTER_SECONDS } } },
  });

/** A document route's OpenAPI side: 200 with the file as `mediaType` once rendered, else the 202 with `pending` as its body. */
export const ApiRenderedFile = (mediaType: 'application/pdf' | 'application/xml', description: string, pending: Type<unknown>) =>
  applyDecorators(
    ApiProduces(mediaType, 'application/json'),
    ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } }),
    ApiRenderPending(pending),
  );
