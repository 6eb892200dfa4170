import Redis from 'ioredis';
import { TestApp, createTestApp } from './support/test-app';
import { Login, bearer, createApiKey, createPartner, keyBearer, login } from './support/fixtures';
import { RedisProcess, freePort } from './support/redis-process';
import { eventually } from './support/eventually';

const LIMIT = 5;

describe('rate limits per API key and per user', () => {
  let testApp: TestApp;
  let partner: Awaited<ReturnType<typeof createPartner>>;

  beforeAll(async () => {
    testApp = await createTestApp({ RATE_LIMIT_REQUESTS: String(LIMIT), RATE_LIMIT_WINDOW_SECONDS: '60' }, { workers: false });
    partner = await createPartner(testApp);
  });
  afterAll(() => testApp?.close());

  const rateHeaders = (response: { headers: Record<string, string> }) => ({
    limit: response.headers['ratelimit-limit'],
    remaining: response.headers['ratelimit-remaining'],
    reset: Number(response.headers['ratelimit-reset']),
  });

  it('counts a user’s requests across routes, tells what is left, and answers 429 with Retry-After beyond the limit', async () => {
    const admin: Login = await login(testApp, partner.admin.email);
    const paths = ['/api/v1/me', `/api/v1/organizations/${partner.organizationId}`, `/api/v1/organizations/${partner.organizationId}/hosts`];
    const remaining: string[] = [];
    for (let call = 0; call < LIMIT; call++) {
      const response = await testApp.http.get(paths[call % paths.length]).set(bearer(admin)).expect(200);
      const headers = rateHeaders(response);
      expect(headers.limit).toBe(String(LIMIT));
      expect(headers.reset).toBeGreaterThan(0);
      expect(headers.reset).toBeLessThanOrEqual(60);
      remaining.push(headers.remaining);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const refused = await testApp.http.get(`/api/v1/organizations/${partner.organizationId}/hosts`).set(bearer(admin)).expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/\/rate-limit-exceeded$/), status: 429 });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.retryAfter).toBe(retryAfter);

    // The counter lives in Redis, shared by every replica, and expires with the window.
    const redis = new Redis(testApp.config.redisUrl);
    try {
      const keys = await redis.keys('*rate-limit:user:*');
      expect(keys.some((key) => key.includes(partner.admin.userId))).toBe(true);
      expect(await redis.pttl(keys.find((key) => key.includes(partner.admin.userId) && key.endsWith(':hits'))!)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it('gives each API key and each user a counter of its own; anonymous calls are not counted', async () => {
    const other = await createPartner(testApp);
    const key = await createApiKey(testApp, other.admin, other.organizationId, ['read']);
    for (let call = 0; call < LIMIT; call++) await testApp.http.get(`/api/v1/organizations/${other.organizationId}/hosts`).set(keyBearer(key)).expect(200);
    const keyRefused = await testApp.http.get(`/api/v1/organizations/${other.organizationId}/hosts`).set(keyBearer(key)).expect(429);
    expect(keyRefused.headers['retry-after']).toBeDefined();
    // The key's creator still has requests left (creating the key was one of them), and refusals count too.
    const byCreator = await testApp.http.get(`/api/v1/organizations/${other.organizationId}/hosts`).set(bearer(other.admin)).expect(200);
    expect(rateHeaders(byCreator).remaining).toBe(String(LIMIT - 2));
    const forbidden = await testApp.http.get(`/api/v1/organizations/${partner.organizationId}`).set(bearer(other.admin)).expect(404);
    expect(rateHeaders(forbidden).remaining).toBe(String(LIMIT - 3));

    const anonymous = await testApp.http.get(`/api/v1/organizations/${other.organizationId}/hosts`).expect(401);
    expect(anonymous.headers['ratelimit-limit']).toBeUndefined();
  });
});

describe('rate limits while Redis is down', () => {
  let redis: RedisProcess | undefined;
  let testApp: TestApp | undefined;

  afterAll(async () => {
    await testApp?.close();
    await redis?.stop();
  });

  it('let requests through without counting, and count again once Redis is back', async () => {
    redis = new RedisProcess(await freePort());
    await redis.start();
    testApp = await createTestApp({ REDIS_URL: redis.url, RATE_LIMIT_REQUESTS: '2' }, { workers: false });
    const partner = await createPartner(testApp);
    await redis.stop();
    for (let call = 0; call < 4; call++) {
      const response = await testApp.http.get(`/api/v1/organizations/${partner.organizationId}`).set(bearer(partner.admin)).expect(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
    await redis.start();
    const app = testApp;
    await eventually('requests to be counted again', async () => {
      const response = await app.http.get(`/api/v1/organizations/${partner.organizationId}`).set(bearer(partner.admin));
      return response.headers['ratelimit-limit'] === '2' ? true : undefined;
    });
  });
});
