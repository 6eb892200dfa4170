import { AddressInfo, createConnection } from 'node:net';
import { Client } from 'pg';
import { TcpProxy } from './support/tcp-proxy';
import { TestApp, createTestApp } from './support/test-app';
import { PASSWORD, bearer, createPartner } from './support/fixtures';
import { eventually } from './support/eventually';
import { SERVER_URL, WORKER_DATABASE } from './support/test-databases';

/** PostgreSQL cut off under a running API (through a proxy the test stops), then back. */
describe('PostgreSQL unreachable', () => {
  let proxy: TcpProxy;
  let testApp: TestApp;

  beforeAll(async () => {
    const target = new URL(SERVER_URL);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const databaseUrl = new URL(SERVER_URL);
    databaseUrl.port = String(proxy.port);
    databaseUrl.pathname = `/${WORKER_DATABASE}`;
    // The API alone: workers would keep the pool busy with their own retries.
    testApp = await createTestApp({ DATABASE_URL: databaseUrl.toString(), WORKERS: 'off' }, { workers: false });
  });
  afterAll(async () => {
    await proxy?.start();
    await testApp?.close();
    await proxy?.stop();
  });

  it('answers every route 503 problem+json with Retry-After while it is gone, and recovers without a restart', async () => {
    const { admin } = await createPartner(testApp);
    const login = () => testApp.http.post('/api/v1/auth/login').send({ email: admin.email, password: PASSWORD });
    await login().expect(200);

    await proxy.stop();
    for (const request of [login(), testApp.http.get('/api/v1/me/organizations').set(bearer(admin)), testApp.http.get('/api/v1/me').set(bearer(admin))]) {
      const response = await request;
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.body).toMatchObject({ status: 503, type: expect.stringMatching(/\/database-unavailable$/) });
      expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }
    await testApp.http.get('/health').expect(503);

    await proxy.start();
    await eventually('logins to work again', async () => ((await login()).status === 200 ? true : undefined), 20_000);
    await testApp.http.get('/api/v1/me/organizations').set(bearer(admin)).expect(200);
  });
});

describe('shutting down', () => {
  it('answers requests that still arrive while the server closes with a 503 problem', async () => {
    const testApp = await createTestApp({}, { workers: false });
    const { admin, organizationId } = await createPartner(testApp);
    const server = testApp.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // A request kept busy on a row lock the test holds, so the server starts closing while its connection is active.
    const blocker = new Client({ connectionString: testApp.config.databaseUrl });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('select id from organization where id = $1 for update', [organizationId]);

    const socket = createConnection((server.address() as AddressInfo).port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const body = JSON.stringify({ name: 'held-host' });
    socket.write(
      `POST /api/v1/organizations/${organizationId}/hosts HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer ${admin.token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = testApp.app.getHttpAdapter().getInstance().close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write(`GET /api/v1/me HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer ${admin.token}\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await blocker.query('commit');
    await blocker.end();
    await closing;
    await eventually('both answers', async () => (/HTTP\/1\.1 503/.test(received) ? true : undefined), 5_000);
    socket.destroy();
    await testApp.close();

    const answers = received.split(/(?=HTTP\/1\.1 )/);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 201/);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503/);
    expect(answers[1]).toMatch(/content-type: application\/problem\+json/i);
    expect(answers[1]).toMatch(/retry-after: 1/i);
    expect(answers[1]).toMatch(/"type":"[^"]*\/shutting-down"/);
  });
});
