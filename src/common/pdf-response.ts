import { HttpStatus, StreamableFile, Type } from '@nestjs/common';
import { ApiAcceptedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

/** How long a client should wait before asking again for a PDF the pdf queue has not rendered yet. */
export const PDF_RETRY_AFTER_SECONDS = 2;

/** Answers 202 with Retry-After; the body names the document's status. */
export function pdfPending<Status extends string>(response: FastifyReply, status: Status): { status: Status; retryAfter: number } {
  response.status(HttpStatus.ACCEPTED).header('Retry-After', String(PDF_RETRY_AFTER_SECONDS));
  return { status, retryAfter: PDF_RETRY_AFTER_SECONDS };
}

export function pdfAttachment(pdf: Buffer, fileName: string): StreamableFile {
  return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
}

export function xmlAttachment(xml: string, fileName: string): StreamableFile {
  return new StreamableFile(Buffer.from(xml, 'utf8'), { type: 'application/xml; charset=utf-8', disposition: `attachment; filename="${fileName}"` });
}

/** The 202 of a document the pdf queue has not rendered yet, with its Retry-After header declared. */
export const ApiRenderPending = (type: Type<unknown>) =>
  ApiAcceptedResponse({
    type,
    description: 'Not rendered yet; ask again after Retry-After seconds',
    headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer', format: 'int32', example: PDF_RETRY_AFTER_SECONDS } } },
  });
