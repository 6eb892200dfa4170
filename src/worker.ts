import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { startProcess } from './app/start-process';
import { PinoNestLogger } from './common/logging';

// Queue workers only (mail, PDFs, outbox relay), no HTTP: scale them apart from the API.
void startProcess({
  name: 'partnerhub worker',
  async run({ config, logger }) {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { http: false, workers: true }), {
      logger: new PinoNestLogger(logger),
    });
    // SIGTERM/SIGINT close the context, so processors finish their current job before the process ends.
    app.enableShutdownHooks();
    logger.info('partnerhub worker running');
  },
});
