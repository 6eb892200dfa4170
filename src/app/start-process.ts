import type { Logger as PinoLogger } from 'pino';
import { createRootLogger } from '../common/logging';
import { AppConfig, ConfigError, loadConfig, vendorPlaceholderWarnings } from '../config/app-config';
import { prepareDatabase } from '../database/prepare-database';

export interface StartedProcess {
  config: AppConfig;
  logger: PinoLogger;
}

export interface EntryPoint {
  /** Names the process in the line a failed start writes to stderr. */
  name: string;
  /** JSON lines to stdout unless the entry point needs stdout for itself (the CLI logs to stderr). */
  createLogger?: (config: AppConfig) => PinoLogger;
  /** Starts the process; a number is its exit code (a command), nothing means it keeps running (a server). */
  run(started: StartedProcess): Promise<number | void>;
  /** What else a failure must say besides its stderr line (the CLI's JSON `{error}` on stdout). */
  reportFailure?: (error: unknown) => Promise<void>;
}

/**
 * The one start-up path of the API, the worker and the CLI: validated configuration (one
 * clear line when it is not), the logger, warnings about placeholder vendor data, the
 * database created and migrated, then the process itself.
 */
export async function startProcess(entry: EntryPoint): Promise<void> {
  let exitCode: number | void;
  try {
    const config = loadConfig();
    const logger = entry.createLogger?.(config) ?? createRootLogger(config.logLevel);
    for (const warning of vendorPlaceholderWarnings(config)) logger.warn(warning);
    const applied = await prepareDatabase(config.databaseUrl);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied database migrations');
    exitCode = await entry.run({ config, logger });
  } catch (error) {
    const detail = error instanceof ConfigError ? error.message : `${entry.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    process.stderr.write(`${detail}\n`);
    await entry.reportFailure?.(error);
    exitCode = 1;
  }
  // Exit explicitly after a command: a client library keeping a socket open must not leave an operator's shell hanging.
  if (exitCode !== undefined) process.exit(exitCode);
}
