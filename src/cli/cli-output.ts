import { Inject, Injectable } from '@nestjs/common';

/** Writes one line; the CLI's stdout in production, a buffer in tests. */
export type LineWriter = (line: string) => Promise<void>;

export const CLI_LINE_WRITER = Symbol('CLI_LINE_WRITER');

export const writeStdout: LineWriter = (line) =>
  new Promise((resolve, reject) => process.stdout.write(`${line}\n`, (error) => (error ? reject(error) : resolve())));

/** Every command's result is one JSON object on the last line of stdout; logs go to stderr. */
@Injectable()
export class CliOutput {
  constructor(@Inject(CLI_LINE_WRITER) private readonly write: LineWriter) {}

  print(result: object): Promise<void> {
    return this.write(JSON.stringify(result));
  }
}
