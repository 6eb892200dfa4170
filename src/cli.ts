import 'reflect-metadata';
import pino from 'pino';
import { startProcess } from './app/start-process';
import { writeStdout } from './cli/cli-output';
import { runCli } from './cli/run-cli';
import { errorMessage } from './common/error-message';
import { PinoNestLogger } from './common/logging';

// Operator CLI: `npm run cli -- <command>`. stdout carries only the final JSON line; logs go to stderr.
void startProcess({
  name: 'partnerhub CLI',
  createLogger: (config) =>
    pino(
      { level: process.env.LOG_LEVEL ? config.logLevel : 'warn', base: { service: 'partnerhub-cli' }, timestamp: pino.stdTimeFunctions.isoTime },
      pino.destination({ dest: 2, sync: true }),
    ),
  run: ({ config, logger }) => runCli(process.argv, config, { writeLine: writeStdout, logger: new PinoNestLogger(logger) }),
  reportFailure: (error) => writeStdout(JSON.stringify({ error: errorMessage(error) })),
});
