import { MikroORM, RequestContext } from '@mikro-orm/core';
import { INestApplication, LogLevel, RequestMethod } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { allowProblemExtensions, declareRateLimits, declareUnsupportedMediaTypes, orderPathParameters } from './openapi-declarations';
import { ProblemDto } from '../common/api-problems.decorator';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { AppConfig } from '../config/app-config';
import { API_PREFIX, TRUSTED_PROXIES } from '../config/http';
import { createRequestLogging, requestIdOf } from '../common/logging';
import { ProblemFilter, sendProblem, toProblem } from '../common/problem.filter';
import { createValidationPipe } from '../common/validation';
import { DatabaseOutage } from '../database/database-outage';
import { AppErrors } from './app.errors';

export const JSON_BODY_LIMIT_BYTES = 100 * 1024;
/** application/json and the structured +json types (e.g. application/merge-patch+json). */
const JSON_CONTENT_TYPES = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * The HTTP platform. Fastify rather than Express: on the 2-core reference machine Express 5
 * alone cost about 0.3 ms of CPU per request, as much as the whole bare node:http + pg
 * server of the benchmark (README "Performance"). The back-office (AdminJS, Bull Board)
 * stays an Express app of its own, mounted on the same server.
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: TRUSTED_PROXIES,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    requestIdHeader: false,
    // The logo upload is read by multer in a middleware (src/whitelabel), not by @fastify/multipart.
    multipart: false,
    // Over-long ids reach the UUID validation (400) instead of the router's 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
    // While closing, the hook in configureHttpApp answers (problem+json) instead of Fastify's own plain-JSON 503.
    return503OnClosing: false,
    // What the router refuses before any route runs (a malformed URL: 400) is a problem document too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, request, toProblem(error)),
  });
}

/** Everything that makes the HTTP surface what API.md says; shared by main.ts, tests and the benchmark. */
export function configureHttpApp(app: NestFastifyApplication, config: AppConfig, logger: PinoLogger): void {
  const fastify = app.getHttpAdapter().getInstance();
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', createRequestLogging(logger));
  // Requests still arriving on open connections while the server drains: go elsewhere (a load balancer retries them).
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!closing) return done();
    void reply.header('Connection', 'close');
    sendProblem(reply, request, toProblem(AppErrors.shuttingDown()));
  });
  // Each request's own MikroORM context (identity map): as a hook it costs less than Nest middleware.
  const orm = app.get(MikroORM);
  fastify.addHook('onRequest', (_request, _reply, done) => RequestContext.create(orm.em, done));
  // JSON only: other body types are answered 415 instead of reaching the DTOs as strings.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_CONTENT_TYPES, { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT_BYTES }, fastify.getDefaultJsonParser('error', 'error'));
  // The logo upload's multipart body is consumed by its middleware before Fastify parses bodies.
  fastify.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null, undefined));
  setApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter([app.get(DatabaseOutage).translate]));
  app.enableShutdownHooks();
  setUpOpenApi(app, config);
}

/** Routes live under /api/v1, except the service index, health and the documentation. */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: '/', method: RequestMethod.GET }, 'health', 'docs', 'docs-json'] });
}

export function setUpOpenApi(app: INestApplication, config: AppConfig): void {
  SwaggerModule.setup('docs', app, openApiDocument(app, config), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}

/** The OpenAPI document of the application's routes: from their decorators, then what the document says once for all (security, rate limits, 415). */
export function openApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('partnerhub API')
      .setDescription(
        'Partner (MSP / reseller) backend: one login reaches the partner organization and every linked customer organization. ' +
          'Errors are RFC 9457 application/problem+json. Lists return {items, nextCursor}. Request bodies are JSON ' +
          '(`application/json` or `application/*+json`, at most 100 kB; other types: 415), except the multipart logo upload.',
      )
      .setVersion('1')
      .addServer(config.publicUrl)
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT or phk_ API key',
        description:
          'An access token from POST /auth/login, or an API key (`phk_…`, POST /organizations/{orgId}/api-keys). Keys work on organization ' +
          'routes only (403 api-key-not-allowed on /me, /auth/*, creating organizations, managing API keys); a malformed, unknown, revoked or ' +
          'expired key is 401 like a bad token.',
      })
      .build(),
  );
  return orderPathParameters(allowProblemExtensions(declareUnsupportedMediaTypes(declareRateLimits(markPublicOperations(document))), ProblemDto.name));
}

/**
 * Authenticated routes declare their bearer requirement; the rest (service index, health, login,
 * refresh) are public and say so with `security: []`, which Nest's decorators cannot express.
 */
export function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = item[method];
      if (operation && operation.security === undefined) operation.security = [];
    }
  }
  return document;
}

export function nestLogLevels(level: string): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const cut = { fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6, silent: 0 }[level] ?? 4;
  return order.slice(0, cut);
}
