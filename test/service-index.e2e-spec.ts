import { TestApp, createTestApp } from './support/test-app';

describe('GET / (the first thing someone opening PUBLIC_URL sees)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ PUBLIC_URL: 'https://partners.example.com' });
  });
  afterAll(() => testApp.close());

  it('names the service and its version and links the docs, back-office and health check under PUBLIC_URL', async () => {
    const response = await testApp.http.get('/').expect(200);
    expect(response.body).toEqual({
      name: 'partnerhub',
      version: (jest.requireActual('../package.json') as { version: string }).version,
      links: {
        docs: 'https://partners.example.com/docs',
        openapi: 'https://partners.example.com/docs-json',
        api: 'https://partners.example.com/api/v1',
        admin: 'https://partners.example.com/admin',
        health: 'https://partners.example.com/health',
      },
    });
    await testApp.http.get(new URL(response.body.links.health).pathname).expect(200);
    await testApp.http.get(new URL(response.body.links.docs).pathname).expect(200);
  });
});
