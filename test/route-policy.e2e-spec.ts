import { TestApp, createTestApp } from './support/test-app';
import { listRoutes } from './support/routes';

describe('route declarations', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('every route declares its policy (@Public, @Authenticated or @CheckAbility)', () => {
    const undeclared = listRoutes(testApp.app).filter((route) => !route.policy);
    expect(undeclared.map((route) => route.key)).toEqual([]);
  });

  it('describes every route in the OpenAPI document', async () => {
    const document = (await testApp.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.sort()).toEqual(listRoutes(testApp.app).map((route) => route.key).sort());
  });
});
