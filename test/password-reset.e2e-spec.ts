import { PASSWORD, addMember, createPartner, login } from './support/fixtures';
import { eventually } from './support/eventually';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { TestApp, createTestApp } from './support/test-app';

describe('password reset by mail', () => {
  let testApp: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://app.partnerhub.test' });
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  const ask = (email: string, ip = '198.51.100.50') => testApp.http.post('/api/v1/auth/password-reset').set('X-Forwarded-For', ip).send({ email });
  const confirm = (token: string, newPassword: string) => testApp.http.post('/api/v1/auth/password-reset/confirm').send({ token, newPassword });
  const mailTo = (email: string) => eventually(`the reset mail to ${email}`, () => smtp.received.find((mail) => mail.recipients.includes(email)));
  const tokenIn = (text: string) => /password-reset\?token=([\w-]+)/.exec(text)?.[1] ?? '';

  it('mails a branded single-use link in the organization’s language; the new password ends every session', async () => {
    const { admin } = await createPartner(testApp); // a German organization
    const other = await login(testApp, admin.email);
    await ask(admin.email.toUpperCase()).expect(202);
    const mail = await mailTo(admin.email);
    expect(mail.headers).toMatch(/Subject: Passwort zur=?C3=BCcksetzen|Subject: =\?UTF-8\?Q\?Passwort_zur=C3=BCcksetzen\?=/);
    expect(mail.text).toContain('https://app.partnerhub.test/password-reset?token=');
    expect(mail.text).toContain('innerhalb von 30 Minuten');
    const token = tokenIn(mail.text);

    await confirm(token, 'a-brand-new-password-42').expect(204);
    await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken }).expect(401);
    await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: admin.refreshToken }).expect(401);
    await testApp.http.post('/api/v1/auth/login').send({ email: admin.email, password: PASSWORD }).expect(401);
    await testApp.http.post('/api/v1/auth/login').send({ email: admin.email, password: 'a-brand-new-password-42' }).expect(200);

    const reused = await confirm(token, 'yet-another-password-42').expect(400);
    expect(reused.body.type).toMatch(/invalid-reset-token$/);
  });

  it('answers unknown addresses the same, sends them nothing, and refuses an expired token', async () => {
    const unknown = await ask('nobody-here@example.test').expect(202);
    const { admin } = await createPartner(testApp);
    const known = await ask(admin.email).expect(202);
    expect(unknown.body).toEqual(known.body);
    const mail = await mailTo(admin.email);
    expect(smtp.received.some((received) => received.recipients.includes('nobody-here@example.test'))).toBe(false);

    await testApp.sql(`update password_reset_token set expires_at = now() - interval '1 second' where user_id = ?`, [admin.userId]);
    expect((await confirm(tokenIn(mail.text), 'a-brand-new-password-42').expect(400)).body.type).toMatch(/invalid-reset-token$/);
    expect((await confirm('made-up-token', 'a-brand-new-password-42').expect(400)).body.type).toMatch(/invalid-reset-token$/);
  });

  it('limits mails per account and requests per client address', async () => {
    const { admin } = await createPartner(testApp);
    const member = await addMember(testApp, admin, (await testApp.sql<{ organization_id: string }>('select organization_id from membership where user_id = ?', [admin.userId]))[0].organization_id, 'guest');
    for (let i = 0; i < 5; i++) await ask(member.email, '198.51.100.60').expect(202);
    await eventually('three mails', () => (smtp.received.filter((mail) => mail.recipients.includes(member.email)).length >= 3 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.received.filter((mail) => mail.recipients.includes(member.email))).toHaveLength(3);

    for (let i = 0; i < 15; i++) await ask(`spray-${i}@example.test`, '198.51.100.60').expect(202);
    await ask('one-more@example.test', '198.51.100.60').expect(429);
  });
});
