import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { PinoNestLogger, createRequestLogging, createRootLogger, requestIdOf } from './logging';
import { ProblemFilter } from './problem.filter';

@Controller('probe')
class ProbeController {
  @Get('ok')
  ok(): { ok: true } {
    return { ok: true };
  }

  @Get('fail')
  fail(): never {
    throw new Error('the database went away');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('request logging', () => {
  const lines: Record<string, unknown>[] = [];
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const logger = createRootLogger('info', { write: (line: string) => lines.push(JSON.parse(line)) });
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).setLogger(new PinoNestLogger(logger)).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ genReqId: requestIdOf, requestIdHeader: false }));
    app.getHttpAdapter().getInstance().addHook('onRequest', createRequestLogging(logger));
    app.useGlobalFilters(new ProblemFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    lines.length = 0;
  });

  it('logs each request once with the request id it echoes in X-Request-Id', async () => {
    const response = await app.inject({ method: 'GET', url: '/probe/ok', headers: { 'x-request-id': 'req-42', authorization: 'Bearer secret' } });
    expect(response.headers['x-request-id']).toBe('req-42');
    expect(lines).toEqual([expect.objectContaining({ level: 30, req: { id: 'req-42', method: 'GET', url: '/probe/ok' }, res: { statusCode: 200 } })]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('makes up a request id when the client sends an unusable one', async () => {
    const response = await app.inject({ method: 'GET', url: '/probe/ok', headers: { 'x-request-id': 'spaces are not allowed' } });
    const requestId = response.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(lines).toEqual([expect.objectContaining({ req: expect.objectContaining({ id: requestId }) })]);
  });

  it('writes a failure’s stack trace with the request id the client sees in its problem, never the stack to the client', async () => {
    const response = await app.inject({ method: 'GET', url: '/probe/fail', headers: { 'x-request-id': 'req-500' } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ status: 500, requestId: 'req-500' });
    expect(response.body).not.toContain('database went away');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 50, context: 'ProblemFilter', msg: expect.stringMatching(/^GET \/probe\/fail \(request req-500\) failed: Error: the database went away\n\s+at /) }),
        expect.objectContaining({ level: 50, req: expect.objectContaining({ id: 'req-500' }), res: { statusCode: 500 } }),
      ]),
    );
  });
});
