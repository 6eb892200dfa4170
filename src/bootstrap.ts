import { INestApplication, LogLevel } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger as PinoLogger } from 'pino';
import { AppConfig } from './config/app-config';
import { createHttpLogger } from './common/logging';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';

export const API_PREFIX = 'api/v1';
export const JSON_BODY_LIMIT = '100kb';

/** Everything that makes the HTTP surface what API.md says; shared by main.ts, tests and the benchmark. */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig, logger: PinoLogger): void {
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(createHttpLogger(logger));
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'docs', 'docs-json'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app, config);
}

export function setUpOpenApi(app: INestApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('partnerhub API')
      .setDescription(
        'Partner (MSP / reseller) backend: one login reaches the partner organization and every linked customer organization. ' +
          'Errors are RFC 9457 application/problem+json. Lists return {items, nextCursor}.',
      )
      .setVersion('1')
      .addServer(config.publicUrl)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}

export function nestLogLevels(level: string): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const cut = { fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6, silent: 0 }[level] ?? 4;
  return order.slice(0, cut);
}
