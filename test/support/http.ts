import type { Test } from 'supertest';

type BodyParser = Extract<Parameters<Test['parse']>[0], (response: never, callback: never) => void>;

/** For `.buffer(true).parse(binaryBody)`: the response body as a Buffer, whatever its type. */
export const binaryBody: BodyParser = (response, callback) => {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};
