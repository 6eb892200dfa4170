import { totpCode } from '../src/auth/mfa/totp';
import { Login, PASSWORD, addMember, bearer, createCustomer, createPartner } from './support/fixtures';
import { TestApp, createTestApp } from './support/test-app';

describe('two-factor authentication (TOTP)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const step = 30_000;
  const codeAt = (secret: string, offsetSteps: number) => totpCode(secret, new Date(Date.now() + offsetSteps * step));
  const login = (email: string) => testApp.http.post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
  const second = (body: object) => testApp.http.post('/api/v1/auth/mfa').send(body);

  it('enrols with a real authenticator code, then asks every login for one: once each, recovery codes once each', async () => {
    const { admin } = await createPartner(testApp);
    const enrolment = (await testApp.http.post('/api/v1/me/mfa/totp').set(bearer(admin)).expect(201)).body as { secret: string; otpauthUrl: string };
    expect(enrolment.otpauthUrl).toContain(`secret=${enrolment.secret}`);
    const wrong = await testApp.http.post('/api/v1/me/mfa/totp/confirm').set(bearer(admin)).send({ code: codeAt(enrolment.secret, -3) }).expect(401);
    expect(wrong.body.type).toMatch(/invalid-mfa-code$/);
    const { recoveryCodes } = (await testApp.http.post('/api/v1/me/mfa/totp/confirm').set(bearer(admin)).send({ code: codeAt(enrolment.secret, 0) }).expect(200)).body as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await testApp.http.post('/api/v1/me/mfa/totp').set(bearer(admin)).expect(409);

    // The password alone gives no tokens.
    const challenge = (await login(admin.email)).body;
    expect(challenge).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    // The enrolment's code was this step's: the next step's code logs in, and only once.
    const code = codeAt(enrolment.secret, 1);
    const tokens = (await second({ mfaToken: challenge.mfaToken, code }).expect(200)).body;
    await testApp.http.get('/api/v1/me').set({ Authorization: `Bearer ${tokens.accessToken}` }).expect(200);
    const replayed = await second({ mfaToken: (await login(admin.email)).body.mfaToken, code }).expect(401);
    const wrongCode = await second({ mfaToken: (await login(admin.email)).body.mfaToken, code: codeAt(enrolment.secret, -5) }).expect(401);
    const forged = await second({ mfaToken: 'not.a.token', code: codeAt(enrolment.secret, 1) }).expect(401);
    expect([replayed.body, wrongCode.body, forged.body].map((body) => [body.type, body.detail])).toEqual(Array(3).fill([replayed.body.type, replayed.body.detail]));
    // The login token is not an access token.
    await testApp.http.get('/api/v1/me').set({ Authorization: `Bearer ${challenge.mfaToken}` }).expect(401);

    // A recovery code instead of a code, once.
    const recovered = await second({ mfaToken: (await login(admin.email)).body.mfaToken, recoveryCode: recoveryCodes[0].toUpperCase() }).expect(200);
    await second({ mfaToken: (await login(admin.email)).body.mfaToken, recoveryCode: recoveryCodes[0] }).expect(401);

    // Turned off with a recovery code; the password alone logs in again.
    await testApp.http.delete('/api/v1/me/mfa/totp').set({ Authorization: `Bearer ${recovered.body.accessToken}` }).send({ recoveryCode: recoveryCodes[1] }).expect(204);
    expect((await login(admin.email)).body.accessToken).toEqual(expect.any(String));
    const stored = await testApp.sql<{ count: string }>(`select count(*) from mfa_recovery_code where user_id = ?`, [admin.userId]);
    expect(Number(stored[0].count)).toBe(0);
  });

  it('keeps the secret sealed at rest and recovery codes hashed', async () => {
    const { admin } = await createPartner(testApp);
    const { secret } = (await testApp.http.post('/api/v1/me/mfa/totp').set(bearer(admin)).expect(201)).body;
    const { recoveryCodes } = (await testApp.http.post('/api/v1/me/mfa/totp/confirm').set(bearer(admin)).send({ code: codeAt(secret, 0) }).expect(200)).body;
    const [row] = await testApp.sql<{ mfa_secret_ciphertext: string }>(`select mfa_secret_ciphertext from app_user where id = ?`, [admin.userId]);
    expect(row.mfa_secret_ciphertext).toMatch(/^v1\./);
    expect(row.mfa_secret_ciphertext).not.toContain(secret);
    const hashes = await testApp.sql<{ code_hash: string }>(`select code_hash from mfa_recovery_code where user_id = ?`, [admin.userId]);
    expect(hashes.map((hash) => hash.code_hash)).not.toContain(recoveryCodes[0]);
  });

  /** Turns 2FA on for a logged-in user and returns a fresh access token from a two-step login. */
  async function enrol(user: Login): Promise<string> {
    const { secret } = (await testApp.http.post('/api/v1/me/mfa/totp').set(bearer(user)).expect(201)).body;
    await testApp.http.post('/api/v1/me/mfa/totp/confirm').set(bearer(user)).send({ code: codeAt(secret, 0) }).expect(200);
    const { mfaToken } = (await login(user.email)).body;
    return (await second({ mfaToken, code: codeAt(secret, 1) }).expect(200)).body.accessToken;
  }

  it('lets an admin require 2FA; a partner’s requirement holds in its customer organizations too, for people, not API keys', async () => {
    const { organizationId: partnerId, admin } = await createPartner(testApp);
    const customer = await createCustomer(testApp, admin, partnerId);
    const guest = await addMember(testApp, admin, partnerId, 'guest');
    const customerAdmin = await addMember(testApp, admin, customer.id, 'admin');
    const key = (await testApp.http.post(`/api/v1/organizations/${partnerId}/api-keys`).set(bearer(admin)).send({ name: 'psa', scopes: ['read'] }).expect(201)).body.key;

    // Requiring it without having it would lock the admin out.
    const first = await testApp.http.patch(`/api/v1/organizations/${partnerId}/security`).set(bearer(admin)).send({ requireMfa: true }).expect(409);
    expect(first.body.type).toMatch(/mfa-not-enabled$/);
    const adminToken = await enrol(admin);
    const set = await testApp.http.patch(`/api/v1/organizations/${partnerId}/security`).set({ Authorization: `Bearer ${adminToken}` }).send({ requireMfa: true }).expect(200);
    expect(set.body).toEqual({ requireMfa: true, requiredByPartner: false });

    const refused = await testApp.http.get(`/api/v1/organizations/${partnerId}/hosts`).set(bearer(guest)).expect(403);
    expect(refused.body.type).toMatch(/mfa-required$/);
    await testApp.http.get(`/api/v1/organizations/${customer.id}/hosts`).set(bearer(customerAdmin)).expect(403);
    // The customer's admin cannot switch the partner's requirement off for the customer.
    const own = await testApp.http.patch(`/api/v1/organizations/${customer.id}/security`).set({ Authorization: `Bearer ${await enrol(customerAdmin)}` }).send({ requireMfa: false }).expect(200);
    expect(own.body).toEqual({ requireMfa: false, requiredByPartner: true });
    await testApp.http.get(`/api/v1/organizations/${customer.id}/hosts`).set({ Authorization: `Bearer ${adminToken}` }).expect(200);
    await testApp.http.get(`/api/v1/organizations/${partnerId}/hosts`).set({ Authorization: `Bearer ${key}` }).expect(200);
    // Routes outside organizations stay open, so a member can enrol.
    await testApp.http.get('/api/v1/me').set(bearer(guest)).expect(200);
    const guestToken = await enrol(guest);
    await testApp.http.get(`/api/v1/organizations/${partnerId}/hosts`).set({ Authorization: `Bearer ${guestToken}` }).expect(200);
  });
});
