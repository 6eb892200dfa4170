import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { PinoNestLogger, createRootLogger } from './common/logging';
import { ConfigError, loadConfig, vendorPlaceholderWarnings } from './config/app-config';
import { prepareDatabase } from './database/prepare-database';

// Queue workers only (mail, PDFs, outbox relay), no HTTP: scale them apart from the API.
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createRootLogger(config.logLevel);
  const applied = await prepareDatabase(config.databaseUrl);
  for (const warning of vendorPlaceholderWarnings(config)) logger.warn(warning);
  if (applied.length > 0) logger.info({ migrations: applied }, 'applied database migrations');

  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { http: false, workers: true }), {
    logger: new PinoNestLogger(logger),
  });
  // SIGTERM/SIGINT close the context, so processors finish their current job before the process ends.
  app.enableShutdownHooks();
  logger.info('partnerhub worker running');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`partnerhub worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
