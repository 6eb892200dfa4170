import { runCli } from '../../src/cli/run-cli';
import { PinoNestLogger, createRootLogger } from '../../src/common/logging';
import { TestApp } from './test-app';

export interface CliRun {
  exitCode: number;
  /** Every line the CLI printed. */
  lines: string[];
  /** The last line printed, parsed as JSON. */
  result: Record<string, unknown>;
}

/**
 * Runs the operator CLI in-process with the same argv parsing, application
 * context and output handling as `node dist/src/cli.js`, against the test
 * app's database.
 */
export async function runCliIn(testApp: TestApp, ...args: string[]): Promise<CliRun> {
  const lines: string[] = [];
  const exitCode = await runCli(['node', 'cli.js', ...args], testApp.config, {
    writeLine: async (line) => void lines.push(line),
    logger: new PinoNestLogger(createRootLogger('silent')),
    writeUsage: () => undefined,
  });
  return { exitCode, lines, result: JSON.parse(lines[lines.length - 1]) };
}
