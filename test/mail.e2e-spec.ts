import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { MAIL_QUEUE } from '../src/queue/queue-names';
import { PASSWORD, bearer, createCustomer, createPartner, login, uniqueEmail } from './support/fixtures';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { TestApp, createTestApp } from './support/test-app';
import { eventually as waitFor } from './support/eventually';

interface DeliveryRow {
  id: string;
  status: string;
  secret_ciphertext: string | null;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
}

const eventually = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined) => waitFor(what, probe, 15_000);

describe('mail', () => {
  let testApp: TestApp;
  let smtp: SmtpSink;
  let partner: Awaited<ReturnType<typeof createPartner>>;
  let customer: { id: string; name: string };

  const mailTo = (email: string) => eventually(`a mail to ${email}`, () => smtp.received.find((mail) => mail.recipients.includes(email)));
  const deliveriesTo = (email: string) =>
    testApp.sql<DeliveryRow>('select id, status, secret_ciphertext, sent_at, attempts, last_error from mail_delivery where recipient = ?', [email]);
  const sentDeliveryTo = (email: string) =>
    eventually(`the delivery to ${email} marked sent`, async () => (await deliveriesTo(email)).find((row) => row.status === 'sent'));
  const invite = (organizationId: string, body: Record<string, unknown>) =>
    testApp.http.post(`/api/v1/organizations/${organizationId}/members`).set(bearer(partner.admin)).send(body).expect(201);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://app.partnerhub.test' });
    partner = await createPartner(testApp, 'Acme IT');
    customer = await createCustomer(testApp, partner.admin, partner.organizationId, 'Customer One');
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  it('delivers the generated password, which must be changed at first sign-in, and then erases it', async () => {
    const email = uniqueEmail('invitee');
    const added = await invite(customer.id, { email, name: 'Ann Invitee', role: 'admin' });
    expect(added.body).toMatchObject({ email, role: 'admin', invitationSent: true });

    const mail = await mailTo(email);
    // German, the default language of a new organization.
    expect(mail.headers).toMatch(/^Subject: Einladung in die Organisation Customer One$/m);
    expect(mail.headers).toMatch(/^From: "?Acme IT via partnerhub"? <no-reply@partnerhub\.local>$/m);
    expect(mail.text).toContain('Anmelden unter https://app.partnerhub.test');
    expect(mail.text).toContain('Bei der ersten Anmeldung werden Sie gebeten, dieses Passwort zu ändern.');
    const temporaryPassword = /Vorläufiges Passwort: (\S+)/.exec(mail.text)?.[1];
    expect(temporaryPassword).toBeDefined();
    expect(mail.html).toContain(temporaryPassword);

    const delivery = await sentDeliveryTo(email);
    expect(delivery.secret_ciphertext).toBeNull();
    expect(delivery.sent_at).not.toBeNull();

    const session = await testApp.http.post('/api/v1/auth/login').send({ email, password: temporaryPassword }).expect(200);
    expect(session.body.user.mustChangePassword).toBe(true);
    const pending = { Authorization: `Bearer ${session.body.accessToken}` };
    const refused = await testApp.http.get(`/api/v1/organizations/${customer.id}`).set(pending).expect(403);
    expect(refused.body.type).toMatch(/password-change-required$/);

    await testApp.http
      .post('/api/v1/auth/password')
      .set(pending)
      .send({ currentPassword: temporaryPassword, newPassword: 'my-own-long-password' })
      .expect(204);
    const refreshed = await testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(200);
    await testApp.http.get(`/api/v1/organizations/${customer.id}`).set({ Authorization: `Bearer ${refreshed.body.accessToken}` }).expect(200);
    const relogin = await login(testApp, email, 'my-own-long-password');
    const me = await testApp.http.get('/api/v1/me').set(bearer(relogin)).expect(200);
    expect(me.body.mustChangePassword).toBe(false);
  });

  it('sends nothing for a password set by hand unless asked, and never that password', async () => {
    const silent = uniqueEmail('silent');
    const quiet = await invite(customer.id, { email: silent, role: 'guest', password: PASSWORD });
    expect(quiet.body.invitationSent).toBe(false);
    expect(await deliveriesTo(silent)).toEqual([]);
    await login(testApp, silent);

    const announced = uniqueEmail('announced');
    const added = await invite(customer.id, { email: announced, role: 'guest', password: PASSWORD, sendInvitation: true });
    expect(added.body.invitationSent).toBe(true);
    const mail = await mailTo(announced);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Ihr Passwort erhalten Sie von Ihrer Administration.');
      expect(body).not.toContain(PASSWORD);
    }
    const delivery = await sentDeliveryTo(announced);
    expect(delivery.secret_ciphertext).toBeNull();
  });

  it('notifies an existing user added to another organization, branded by the vendor outside customer organizations, in that organization\'s language', async () => {
    await testApp.http.patch(`/api/v1/organizations/${partner.organizationId}`).set(bearer(partner.admin)).send({ locale: 'en' }).expect(200);
    const email = uniqueEmail('existing');
    await invite(customer.id, { email, role: 'guest', password: PASSWORD });
    await invite(partner.organizationId, { email, role: 'guest' });

    const mail = await mailTo(email);
    expect(mail.headers).toMatch(/^Subject: You now have access to Acme IT$/m);
    expect(mail.headers).toMatch(/^From: "?partnerhub GmbH"? <no-reply@partnerhub\.local>$/m);
    expect(mail.text).toContain('added to the organization "Acme IT"');
    expect(mail.text).toContain('support@partnerhub.local');
  });

  it('records a refused attempt and retries with backoff', async () => {
    const email = uniqueEmail('retried');
    smtp.refuseOnce.add(email);
    await invite(customer.id, { email, role: 'guest' });

    const refused = await eventually('the refused attempt recorded', async () => (await deliveriesTo(email)).find((row) => row.attempts === 1 && row.status === 'pending'));
    expect(refused).toMatchObject({ status: 'pending', last_error: expect.stringMatching(/450/) });
    expect(refused.secret_ciphertext).not.toBeNull();

    await mailTo(email);
    const delivery = await sentDeliveryTo(email);
    expect(delivery).toMatchObject({ attempts: 2, last_error: null, secret_ciphertext: null });
  });

  it('sends a mail once even when its job runs again', async () => {
    const email = uniqueEmail('once');
    await invite(customer.id, { email, role: 'guest' });
    await mailTo(email);
    const delivery = await sentDeliveryTo(email);

    const queue = testApp.app.get<Queue>(getQueueToken(MAIL_QUEUE));
    const again = await queue.add('send', { deliveryId: delivery.id }, { jobId: `again:${delivery.id}` });
    await eventually('the repeated job to complete', async () => ((await again.isCompleted()) ? true : undefined));
    expect(smtp.received.filter((mail) => mail.recipients.includes(email))).toHaveLength(1);
  });
});
