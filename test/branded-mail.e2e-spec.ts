import { DEFAULT_LOGO_PNG } from '../libs/branding/default-logo';
import { png } from '../libs/branding/testing/crafted-images';
import { BRAND_LOGO_CID } from '../src/mail/mail-content';
import { eventually } from './support/eventually';
import { Login, bearer, createCustomer, createPartner, uniqueEmail } from './support/fixtures';
import { binaryBody } from './support/http';
import { ReceivedMail, SmtpSink, startSmtpSink } from './support/smtp-sink';
import { TestApp, createTestApp } from './support/test-app';

describe('partner-branded mails through a real SMTP server', () => {
  let testApp: TestApp;
  let smtp: SmtpSink;
  let acme: { organizationId: string; admin: Login };
  let acmeCustomer: { id: string };
  let acmeLogo: Buffer;

  const invite = async (organizationId: string, admin: Login): Promise<ReceivedMail> => {
    const email = uniqueEmail('invitee');
    await testApp.http.post(`/api/v1/organizations/${organizationId}/members`).set(bearer(admin)).send({ email, name: 'Ann Invitee', role: 'guest' }).expect(201);
    return eventually(`the invitation to ${email}`, () => smtp.received.find((mail) => mail.recipients.includes(email)), 15_000);
  };
  const inlineLogo = (mail: ReceivedMail) => mail.parts.find((part) => part.contentId === BRAND_LOGO_CID);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      VENDOR_NAME: 'Sentinel Platform GmbH',
      VENDOR_SUPPORT_EMAIL: 'help@sentinel.example',
      VENDOR_SUPPORT_PHONE: '+49 89 999',
    });
    acme = await createPartner(testApp, 'Acme IT');
    acmeCustomer = await createCustomer(testApp, acme.admin, acme.organizationId, 'Customer One');
    await testApp.http.put(`/api/v1/organizations/${acme.organizationId}/logo`).set(bearer(acme.admin)).attach('file', await png(450, 150, '#c2410c'), 'acme.png').expect(200);
    acmeLogo = (await testApp.http.get(`/api/v1/organizations/${acme.organizationId}/logo`).set(bearer(acme.admin)).buffer(true).parse(binaryBody).expect(200)).body;
    await testApp.http
      .put(`/api/v1/organizations/${acme.organizationId}/support-settings`)
      .set(bearer(acme.admin))
      .send({ company: 'Acme IT Support', email: 'hilfe@acme-it.example', phone: '+49 40 555 123', hours: 'Mo–Fr 9–17' })
      .expect(200);
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  it('invites a customer’s user in the partner’s name, with the partner’s logo inline and the partner’s support contact', async () => {
    const mail = await invite(acmeCustomer.id, acme.admin);

    expect(mail.headers).toMatch(/^From: "?Acme IT via partnerhub"? <no-reply@partnerhub\.local>$/m);
    expect(mail.headers).toMatch(/^Reply-To: hilfe@acme-it\.example$/m);
    expect(mail.html).toContain(`<img src="cid:${BRAND_LOGO_CID}" alt="Acme IT via partnerhub"`);
    const logo = inlineLogo(mail);
    expect(logo).toMatchObject({ contentType: 'image/png' });
    expect(logo?.content.equals(acmeLogo)).toBe(true);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Acme IT Support');
      expect(body).toContain('hilfe@acme-it.example');
      expect(body).toContain('Mo–Fr 9–17');
      expect(body).not.toContain('Sentinel');
      expect(body).not.toContain('help@sentinel.example');
    }
  });

  it('invites to the partner’s own organization in the platform’s name, with the platform logo and support', async () => {
    const mail = await invite(acme.organizationId, acme.admin);

    expect(mail.headers).toMatch(/^From: "?Sentinel Platform GmbH"? <no-reply@partnerhub\.local>$/m);
    expect(mail.headers).not.toMatch(/^Reply-To:/m);
    expect(inlineLogo(mail)?.content.equals(DEFAULT_LOGO_PNG)).toBe(true);
    expect(mail.text).toContain('help@sentinel.example');
    expect(mail.text).not.toContain('hilfe@acme-it.example');
  });

  it('shows a partner without logo or support settings by name only, with the platform’s support', async () => {
    const plain = await createPartner(testApp, 'Plain Networks');
    const customer = await createCustomer(testApp, plain.admin, plain.organizationId);
    const mail = await invite(customer.id, plain.admin);

    expect(mail.headers).toMatch(/^From: "?Plain Networks via partnerhub"?/m);
    expect(mail.headers).not.toMatch(/^Reply-To:/m);
    expect(mail.html).not.toContain('cid:');
    expect(inlineLogo(mail)).toBeUndefined();
    expect(mail.text).toContain('help@sentinel.example');
  });
});
