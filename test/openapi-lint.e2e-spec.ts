import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestApp, createTestApp } from './support/test-app';

const run = promisify(execFile);
const REDOCLY = join(__dirname, '..', 'node_modules', '.bin', 'redocly');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/**
 * The OpenAPI document the running application serves, linted by Redocly's CLI with its
 * recommended rules, as a client generator's author would before trusting it: no errors.
 */
describe('the OpenAPI document', () => {
  let testApp: TestApp;
  let dir: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'partnerhub-openapi-'));
  });
  afterAll(async () => {
    await testApp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes redocly lint (recommended rules) without errors or invalid examples, with every path parameter declared and public routes marked public', async () => {
    const document = (await testApp.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { security?: unknown[]; parameters?: { name: string; in: string }[] }>> };
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    // redocly exits non-zero when it finds errors; its JSON report is on stdout either way.
    const { stdout } = await run(REDOCLY, ['lint', file, '--format', 'json', '--extends', 'recommended'], { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    const problems = (JSON.parse(stdout) as { problems: LintProblem[] }).problems;
    const errors = problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`);
    expect(errors).toEqual([]);
    // Nullable strings declared without their type came out as `object` (CreateHostDto.os, support website and hours): their examples then do not fit.
    expect(problems.filter((problem) => problem.ruleId === 'no-invalid-schema-examples').map((problem) => problem.location[0]?.pointer)).toEqual([]);

    const publicOperations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).filter(([, operation]) => operation.security?.length === 0).map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(publicOperations.sort()).toEqual(['GET /', 'GET /health', 'POST /api/v1/auth/login', 'POST /api/v1/auth/mfa', 'POST /api/v1/auth/password-reset', 'POST /api/v1/auth/password-reset/confirm', 'POST /api/v1/auth/refresh']);
    // Every document still rendering answers 202 with Retry-After, and says so.
    const pending = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method, operation]) => method === 'get' && (operation as { responses?: Record<string, unknown> }).responses?.['202'])
        .map(([, operation]) => [path, Object.keys(((operation as { responses: Record<string, { headers?: object }> }).responses['202'].headers ?? {}))] as const),
    );
    expect(pending.length).toBeGreaterThanOrEqual(5);
    expect(pending.filter(([, headers]) => !headers.includes('Retry-After'))).toEqual([]);
    // Counts and cents are integers (int32, as their columns); only rates and percentages are decimals.
    const schemas = (document as unknown as { components: { schemas: Record<string, { properties?: Record<string, { type?: string; format?: string }> }> } }).components.schemas;
    const numbers = Object.entries(schemas).flatMap(([schema, { properties = {} }]) =>
      Object.entries(properties).filter(([, property]) => property.type === 'number').map(([name]) => `${schema}.${name}`),
    );
    expect(numbers.filter((path) => !/\.(vatRate|discountPercent)$/.test(path))).toEqual([]);
    const untypedIntegers = Object.entries(schemas).flatMap(([schema, { properties = {} }]) =>
      Object.entries(properties).filter(([, property]) => property.type === 'integer' && !property.format).map(([name]) => `${schema}.${name}`),
    );
    expect(untypedIntegers).toEqual([]);
    // Every authenticated operation is rate-limited: RateLimit-* on its answers, 429 with Retry-After.
    type Responses = Record<string, { headers?: Record<string, unknown> }>;
    const secured = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.security?.length !== 0)
        .map(([method, operation]) => ({ operation: `${method.toUpperCase()} ${path}`, responses: (operation as { responses: Responses }).responses })),
    );
    expect(secured.length).toBeGreaterThan(50);
    expect(secured.filter(({ responses }) => !responses['429']?.headers?.['Retry-After']).map(({ operation }) => operation)).toEqual([]);
    const withoutRateHeaders = secured.flatMap(({ operation, responses }) =>
      Object.entries(responses)
        .filter(([status, response]) => /^2/.test(status) && !['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'].every((name) => response.headers?.[name]))
        .map(([status]) => `${operation} ${status}`),
    );
    expect(withoutRateHeaders).toEqual([]);
    // SDK method names: every operation has one, camelCase, unique (listHosts, createOrganization).
    type Operation = { operationId?: string; requestBody?: unknown; responses: Record<string, { content?: Record<string, { example?: { type?: string }; examples?: Record<string, { value: { type: string } }> }> }> };
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, ...(operation as Operation) })));
    expect(operations.filter((operation) => !/^[a-z][a-zA-Z]+$/.test(operation.operationId ?? '')).map((operation) => `${operation.key}: ${operation.operationId}`)).toEqual([]);
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(operations.find((operation) => operation.key === 'GET /api/v1/organizations/{orgId}/hosts')?.operationId).toBe('listHosts');
    // A body of another type than JSON is answered 415, and every operation with a body says so.
    expect(operations.filter((operation) => operation.requestBody && !operation.responses['415']).map((operation) => operation.key)).toEqual([]);
    // Error examples are the route's own problems, not one example for all.
    const exampleTypes = (operation: Operation | undefined, status: string) => {
      const media = operation?.responses[status]?.content?.['application/problem+json'];
      return [media?.example?.type, ...Object.values(media?.examples ?? {}).map((example) => example.value.type)].filter(Boolean).map((type) => type!.split('/').pop());
    };
    const operation = (key: string) => operations.find((candidate) => candidate.key === key);
    expect(exampleTypes(operation('POST /api/v1/organizations/{orgId}/hosts'), '409')).toEqual(['license-limit']);
    expect(exampleTypes(operation('POST /api/v1/organizations/{orgId}/subscription'), '409').sort()).toEqual(['already-subscribed', 'billing-address-incomplete', 'idempotency-key-reused']);
    expect(exampleTypes(operation('POST /api/v1/organizations/{orgId}/webhooks'), '400')).toEqual(['webhook-target-refused']);
    expect(new Set(operations.flatMap((candidate) => exampleTypes(candidate, '404')))).toEqual(new Set(['not-found']));
    expect(new Set(operations.flatMap((candidate) => Object.keys(candidate.responses).flatMap((status) => exampleTypes(candidate, status)))).size).toBeGreaterThan(20);

    const members = document.paths['/api/v1/organizations/{orgId}/members/{userId}'];
    expect(members.delete.parameters?.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name).sort()).toEqual(['orgId', 'userId']);
  });
});
