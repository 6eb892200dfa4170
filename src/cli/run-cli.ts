import { LoggerService } from '@nestjs/common';
import { CommandFactory, CommandRunnerService } from 'nest-commander';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { CliUsageError } from './cli-options';
import { LineWriter } from './cli-output';
import { CliModule } from './cli.module';
import { errorMessage } from '../common/error-message';

export interface CliIo {
  writeLine: LineWriter;
  logger: LoggerService;
  /** Where commander's usage messages and help for errors go; stderr by default. */
  writeUsage?: (text: string) => void;
}

/** commander's own errors (unknown option, missing option, help); duck-typed, nest-commander bundles its own commander. */
interface CommanderError {
  code: string;
  exitCode: number;
  message: string;
}

const isCommanderError = (error: unknown): error is CommanderError =>
  typeof (error as CommanderError)?.code === 'string' &&
  (error as CommanderError).code.startsWith('commander.') &&
  typeof (error as CommanderError).exitCode === 'number';

/**
 * Runs one command line (`argv` as in process.argv) against a fresh application
 * context and returns the exit code. Success prints the command's JSON result;
 * failure prints `{error}`; either is the last line written.
 */
export async function runCli(argv: string[], config: AppConfig, io: CliIo): Promise<number> {
  let failure: unknown;
  const app = await CommandFactory.createWithoutRunning(CliModule.forRoot(config, io.writeLine), {
    logger: io.logger,
    cliName: 'partnerhub',
    outputConfiguration: io.writeUsage ? { writeErr: io.writeUsage } : undefined,
    errorHandler: (error) => {
      throw error;
    },
    serviceErrorHandler: (error) => {
      failure = error;
    },
  });
  try {
    await app.get(CommandRunnerService).run(argv);
  } finally {
    await app.close();
  }
  if (failure === undefined) return 0;
  if (isCommanderError(failure) && failure.exitCode === 0) return 0; // --help, --version
  await io.writeLine(JSON.stringify({ error: describeFailure(failure, io.logger) }));
  return isCommanderError(failure) ? failure.exitCode : 1;
}

function describeFailure(error: unknown, logger: LoggerService): string {
  if (isCommanderError(error)) {
    return error.code === 'commander.help' ? 'name a command; see --help' : error.message.replace(/^error: /, '');
  }
  if (error instanceof CliUsageError || error instanceof DomainError) return error.message;
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error), undefined, 'cli');
  return errorMessage(error);
}
