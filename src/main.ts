import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app/app.module';
import { configureHttpApp, createHttpAdapter } from './app/bootstrap';
import { startProcess } from './app/start-process';
import { PinoNestLogger } from './common/logging';

// The HTTP API, with the queue workers unless WORKERS=off.
void startProcess({
  name: 'partnerhub API',
  async run({ config, logger }) {
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(config, { http: true, workers: config.workersEnabled, admin: true }),
      createHttpAdapter(),
      { bodyParser: false, logger: new PinoNestLogger(logger) },
    );
    configureHttpApp(app, config, logger);
    await app.listen(config.port, config.host);
    logger.info({ port: config.port, workers: config.workersEnabled }, 'partnerhub API listening');
  },
});
