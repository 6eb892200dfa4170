import { PASSWORD, createPartner } from './support/fixtures';
import { TestApp, createTestApp } from './support/test-app';

describe('sessions', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const loginFrom = async (email: string, ip: string, userAgent: string) =>
    (await testApp.http.post('/api/v1/auth/login').set({ 'X-Forwarded-For': ip, 'User-Agent': userAgent }).send({ email, password: PASSWORD }).expect(200)).body as {
      accessToken: string;
      refreshToken: string;
    };
  const sessions = (accessToken: string) => testApp.http.get('/api/v1/me/sessions').set({ Authorization: `Bearer ${accessToken}` });
  const refresh = (refreshToken: string) => testApp.http.post('/api/v1/auth/refresh').send({ refreshToken });

  it('lists the user’s sessions with where they were used, and ends one or all of them', async () => {
    const { admin } = await createPartner(testApp);
    const laptop = await loginFrom(admin.email, '198.51.100.1', 'Firefox/140 on Linux');
    const phone = await loginFrom(admin.email, '198.51.100.2', 'Safari on iPhone');

    const listed = (await sessions(laptop.accessToken).expect(200)).body as { id: string; ip: string; userAgent: string; current: boolean }[];
    expect(listed.slice(0, 2)).toEqual([
      { id: expect.any(String), createdAt: expect.any(String), lastUsedAt: expect.any(String), ip: '198.51.100.2', userAgent: 'Safari on iPhone', current: false },
      { id: expect.any(String), createdAt: expect.any(String), lastUsedAt: expect.any(String), ip: '198.51.100.1', userAgent: 'Firefox/140 on Linux', current: true },
    ]);
    expect(listed).toHaveLength(3); // and the fixture's own login

    // Ending the phone's session: its refresh token is dead, the laptop's lives on.
    await testApp.http.delete(`/api/v1/me/sessions/${listed[0].id}`).set({ Authorization: `Bearer ${laptop.accessToken}` }).expect(204);
    await refresh(phone.refreshToken).expect(401);
    const rotated = (await refresh(laptop.refreshToken).expect(200)).body;
    expect((await sessions(rotated.accessToken).expect(200)).body.map((session: { id: string }) => session.id)).not.toContain(listed[0].id);

    // Another user's session cannot be ended, nor seen.
    const other = await createPartner(testApp);
    await testApp.http.delete(`/api/v1/me/sessions/${listed[1].id}`).set({ Authorization: `Bearer ${other.admin.token}` }).expect(404);
    expect((await sessions(other.admin.token).expect(200)).body.map((session: { id: string }) => session.id)).not.toContain(listed[1].id);

    await testApp.http.delete('/api/v1/me/sessions').set({ Authorization: `Bearer ${rotated.accessToken}` }).expect(204);
    await refresh(rotated.refreshToken).expect(401);
    await refresh(admin.refreshToken).expect(401);
  });

  it('ends every other session when the password changes', async () => {
    const { admin } = await createPartner(testApp);
    const kept = await loginFrom(admin.email, '198.51.100.3', 'curl/8');
    await testApp.http
      .post('/api/v1/auth/password')
      .set({ Authorization: `Bearer ${kept.accessToken}` })
      .send({ currentPassword: PASSWORD, newPassword: 'another-correct-horse-battery' })
      .expect(204);
    const left = (await sessions(kept.accessToken).expect(200)).body as { current: boolean }[];
    expect(left).toEqual([expect.objectContaining({ current: true, userAgent: 'curl/8' })]);
    await refresh(admin.refreshToken).expect(401);
  });
});
