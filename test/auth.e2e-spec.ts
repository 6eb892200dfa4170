import { JwtService } from '@nestjs/jwt';
import { TestApp, createTestApp } from './support/test-app';
import { PASSWORD, bearer, createPartner, login } from './support/fixtures';

describe('auth', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => testApp.close());

  it('answers unknown e-mail and wrong password with the same 401 problem', async () => {
    const { admin } = await createPartner(testApp);
    const unknown = await testApp.http.post('/api/v1/auth/login').send({ email: 'nobody@example.test', password: PASSWORD }).expect(401);
    const wrong = await testApp.http.post('/api/v1/auth/login').send({ email: admin.email, password: 'not-the-password' }).expect(401);
    expect(unknown.body).toMatchObject({ type: wrong.body.type, title: wrong.body.title, detail: wrong.body.detail });
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('rate-limits repeated failures per account with 429 and Retry-After, counted in Redis', async () => {
    const { admin } = await createPartner(testApp);
    for (let attempt = 0; attempt < 3; attempt++) {
      await testApp.http.post('/api/v1/auth/login').send({ email: admin.email.toUpperCase(), password: 'wrong-password' }).expect(401);
    }
    const limited = await testApp.http.post('/api/v1/auth/login').send({ email: admin.email, password: PASSWORD }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.type).toMatch(/too-many-login-attempts$/);
  });

  it('cannot be used to lock an account out: an address that has not failed still logs in, one failing across accounts is throttled', async () => {
    const { admin } = await createPartner(testApp);
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const attacker = '203.0.113.7';
    for (let attempt = 0; attempt < 3; attempt++) {
      await testApp.http.post('/api/v1/auth/login').set(from(attacker)).send({ email: admin.email, password: 'guessing' }).expect(401);
    }
    // The attacker's address is locked out of this account, also with the right password …
    await testApp.http.post('/api/v1/auth/login').set(from(attacker)).send({ email: admin.email, password: PASSWORD }).expect(429);
    // … while its owner, from an address that has not failed, logs in (slowed down while the account is under attack).
    const owner = await testApp.http.post('/api/v1/auth/login').set(from('198.51.100.20')).send({ email: admin.email, password: PASSWORD }).expect(200);
    expect(owner.body.accessToken).toEqual(expect.any(String));

    // An address failing across many accounts (10 × LOGIN_MAX_FAILURES) is throttled for all of them.
    const sprayer = '203.0.113.99';
    for (let attempt = 0; attempt < 30; attempt++) {
      await testApp.http.post('/api/v1/auth/login').set(from(sprayer)).send({ email: `victim-${attempt}@example.test`, password: 'guessing' }).expect(401);
    }
    const other = await createPartner(testApp);
    await testApp.http.post('/api/v1/auth/login').set(from(sprayer)).send({ email: other.admin.email, password: PASSWORD }).expect(429);
  });

  it('rotates refresh tokens and revokes the whole family when a spent one is replayed', async () => {
    const { admin } = await createPartner(testApp);
    const first = await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: admin.refreshToken }).expect(200);
    const second = await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    await testApp.http.get('/api/v1/me').set({ Authorization: `Bearer ${second.body.accessToken}` }).expect(200);

    // Replayed after the grace window (REFRESH_REUSE_GRACE_SECONDS) for a just-spent token.
    await testApp.sql(`update refresh_token set used_at = now() - interval '1 minute' where id = ?`, [admin.refreshToken.split('.')[0]]);
    await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: admin.refreshToken }).expect(401);
    await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
  });

  const refresh = (refreshToken: string) => testApp.http.post('/api/v1/auth/refresh').send({ refreshToken });

  it('lets two honest concurrent refreshes with one token both succeed, without ending the session', async () => {
    const { admin } = await createPartner(testApp);
    const results = await Promise.all([refresh(admin.refreshToken), refresh(admin.refreshToken)]);
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    for (const result of results) await refresh(result.body.refreshToken).expect(200);
  });

  it('revokes the family when a spent token comes back after the grace window, also while a rotation races it', async () => {
    const { admin } = await createPartner(testApp);
    for (let round = 0; round < 5; round += 1) {
      const session = await login(testApp, admin.email);
      const next = await refresh(session.refreshToken).expect(200);
      // The grace window has passed for the spent token.
      await testApp.sql(`update refresh_token set used_at = now() - interval '1 hour' where id = ?`, [session.refreshToken.split('.')[0]]);
      const [rotated, replayed] = await Promise.all([refresh(next.body.refreshToken), refresh(session.refreshToken)]);
      expect(replayed.status).toBe(401);
      // Whichever came first, nothing of the family works afterwards.
      if (rotated.status === 200) await refresh(rotated.body.refreshToken).expect(401);
      await refresh(next.body.refreshToken).expect(401);
    }
  });

  it('logs out: the refresh token stops working', async () => {
    const { admin } = await createPartner(testApp);
    await testApp.http.post('/api/v1/auth/logout').set(bearer(admin)).send({ refreshToken: admin.refreshToken }).expect(204);
    await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: admin.refreshToken }).expect(401);
  });

  it('changes the password, ends other sessions and keeps the current one', async () => {
    const { admin } = await createPartner(testApp);
    const otherSession = await login(testApp, admin.email);
    await testApp.http
      .post('/api/v1/auth/password')
      .set(bearer(admin))
      .send({ currentPassword: PASSWORD, newPassword: 'an-entirely-new-secret' })
      .expect(204);
    await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: otherSession.refreshToken }).expect(401);
    await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: admin.refreshToken }).expect(200);
    await testApp.http.post('/api/v1/auth/login').send({ email: admin.email, password: PASSWORD }).expect(401);
    await login(testApp, admin.email, 'an-entirely-new-secret');
  });

  it('refuses forged, expired and malformed access tokens with 401', async () => {
    const { admin } = await createPartner(testApp);
    const jwt = testApp.app.get(JwtService);
    const claims = { sub: admin.userId, email: admin.email, sid: admin.userId, mcp: false };
    const expired = jwt.sign(claims, { expiresIn: -60 });
    const forged = jwt.sign(claims, { secret: 'someone-elses-secret-of-sufficient-length' });
    const [header, payload] = admin.token.split('.');
    const unsigned = `${header}.${payload}.`;
    for (const token of [expired, forged, unsigned, 'garbage']) {
      const response = await testApp.http.get('/api/v1/me').set({ Authorization: `Bearer ${token}` }).expect(401);
      expect(response.body).toMatchObject({ status: 401, type: expect.stringMatching(/unauthorized$/) });
    }
  });
});
