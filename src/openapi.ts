import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { createHttpAdapter, openApiDocument, setApiPrefix } from './app/bootstrap';
import { loadConfig } from './config/app-config';

// Prints the OpenAPI document the API serves at /docs-json, without a database or Redis: Nest's
// preview mode resolves the modules' routes and decorators but instantiates no provider. For
// `npm run lint:openapi` and client generators.
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.forRoot(config, { http: true, workers: false, admin: false }), createHttpAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  setApiPrefix(app);
  process.stdout.write(`${JSON.stringify(openApiDocument(app, config), null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`openapi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
