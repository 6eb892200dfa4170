import 'reflect-metadata';
import pino from 'pino';
import { writeStdout } from './cli/cli-output';
import { runCli } from './cli/run-cli';
import { PinoNestLogger } from './common/logging';
import { ConfigError, loadConfig, vendorPlaceholderWarnings } from './config/app-config';
import { prepareDatabase } from './database/prepare-database';
import { errorMessage } from './common/error-message';

// Operator CLI: `npm run cli -- <command>`. stdout carries only the final JSON line; logs go to stderr.
async function main(): Promise<number> {
  const config = loadConfig();
  const level = process.env.LOG_LEVEL ? config.logLevel : 'warn';
  const logger = pino(
    { level, base: { service: 'partnerhub-cli' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 2, sync: true }),
  );
  // billing:run issues invoices: an operator must see placeholder seller data before it does.
  for (const warning of vendorPlaceholderWarnings(config)) logger.warn(warning);
  const applied = await prepareDatabase(config.databaseUrl);
  if (applied.length > 0) logger.info({ migrations: applied }, 'applied database migrations');
  return runCli(process.argv, config, { writeLine: writeStdout, logger: new PinoNestLogger(logger) });
}

main()
  .catch(async (error: unknown) => {
    if (!(error instanceof ConfigError)) {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    await writeStdout(JSON.stringify({ error: errorMessage(error) }));
    return 1;
  })
  // Exit explicitly: a client library keeping a socket open must not leave an operator's shell hanging.
  .then((exitCode) => process.exit(exitCode));
