import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app/app.module';
import { configureHttpApp, createHttpAdapter } from './app/bootstrap';
import { ConfigError, loadConfig, vendorPlaceholderWarnings } from './config/app-config';
import { PinoNestLogger, createRootLogger } from './common/logging';
import { prepareDatabase } from './database/prepare-database';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createRootLogger(config.logLevel);
  const applied = await prepareDatabase(config.databaseUrl);
  for (const warning of vendorPlaceholderWarnings(config)) logger.warn(warning);
  if (applied.length > 0) logger.info({ migrations: applied }, 'applied database migrations');

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { http: true, workers: config.workersEnabled, admin: true }),
    createHttpAdapter(),
    {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    },
  );
  configureHttpApp(app, config, logger);
  await app.listen(config.port, config.host);
  logger.info({ port: config.port, workers: config.workersEnabled }, 'partnerhub API listening');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`partnerhub failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
