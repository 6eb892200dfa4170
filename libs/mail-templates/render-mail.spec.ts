import { mailBrand } from './brand';
import { InvitationMailData } from './mail-data';
import { isMailTemplateName, renderMail } from './render-mail';

const invitationData = (overrides: Partial<InvitationMailData> = {}): InvitationMailData => ({
  locale: 'en',
  brand: mailBrand({ partnerName: 'Acme IT', vendorName: 'partnerhub GmbH' }),
  recipientName: 'Ann Example',
  recipientEmail: 'ann@example.test',
  organizationName: 'Customer One',
  loginUrl: 'https://app.partnerhub.test',
  ...overrides,
});

describe('mailBrand', () => {
  it('names the partner for a customer organization, else the vendor', () => {
    expect(mailBrand({ partnerName: 'Acme IT', vendorName: 'partnerhub GmbH' })).toEqual({ name: 'Acme IT via partnerhub' });
    expect(mailBrand({ vendorName: 'partnerhub GmbH' })).toEqual({ name: 'partnerhub GmbH' });
  });
});

describe('renderMail', () => {
  it('renders an invitation with the temporary password and the request to change it', () => {
    const mail = renderMail('invitation', invitationData({ temporaryPassword: 'Tmp-Secret-123' }));
    expect(mail.subject).toBe('You have been invited to Customer One');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Tmp-Secret-123');
      expect(body).toContain('ann@example.test');
      expect(body).toContain('https://app.partnerhub.test');
      expect(body).toContain('Acme IT via partnerhub');
      expect(body).toContain('change this password when you first sign in');
      expect(body).not.toContain('administrator will give you');
    }
  });

  it('tells the invitee that the administrator hands out a password set by hand', () => {
    const mail = renderMail('invitation', invitationData());
    for (const body of [mail.text, mail.html]) {
      expect(body).toMatch(/administrator will give you your password/);
      expect(body).not.toMatch(/Temporary password/);
    }
  });

  it('renders the membership notice with the vendor brand', () => {
    const mail = renderMail('membership-added', { ...invitationData(), brand: mailBrand({ vendorName: 'partnerhub GmbH' }) });
    expect(mail.subject).toBe('You now have access to Customer One');
    expect(mail.text).toContain('added to the organization "Customer One"');
    expect(mail.text).toMatch(/-- \npartnerhub GmbH\n/);
    expect(mail.html).toContain('partnerhub GmbH');
  });

  it('escapes every value in HTML and leaves plain text readable', () => {
    const mail = renderMail(
      'invitation',
      invitationData({
        organizationName: '<script>alert(1)</script> & Co',
        brand: mailBrand({ partnerName: '"Evil" <b>', vendorName: 'v' }),
        temporaryPassword: '<img src=x>',
      }),
    );
    expect(mail.html).not.toMatch(/<script>|<img|<b>/);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(mail.html).toContain('&lt;img src&#x3D;x&gt;');
    expect(mail.text).toContain('"<script>alert(1)</script> & Co"');
    expect(mail.subject).toBe('You have been invited to <script>alert(1)</script> & Co');
  });

  it('keeps a subject on one line whatever the organization name holds', () => {
    const mail = renderMail('invitation', invitationData({ organizationName: 'Evil\r\nBcc: victim@example.test' }));
    expect(mail.subject).toBe('You have been invited to Evil Bcc: victim@example.test');
  });

  it('shows the support contact when there is one', () => {
    const mail = renderMail('invitation', invitationData({ support: { company: 'Acme IT', email: 'help@acme.test', phone: '+49 1' } }));
    expect(mail.text).toContain('Questions? Acme IT, help@acme.test, +49 1');
    expect(mail.html).toContain('href="mailto:help@acme.test"');
  });

  it('puts the brand logo in the header only when the mail carries one inline', () => {
    const withLogo = renderMail('invitation', invitationData({ brand: mailBrand({ partnerName: 'Acme IT', vendorName: 'v', logoCid: 'brand-logo@partnerhub' }) }));
    const withoutLogo = renderMail('invitation', invitationData());
    expect(withLogo.html).toContain('<img src="cid:brand-logo@partnerhub" alt="Acme IT via partnerhub"');
    expect(withoutLogo.html).not.toContain('<img');
    expect(withLogo.text).not.toContain('cid:');
  });

  it('adds the support website and hours when given, escaped in HTML', () => {
    const support = { company: 'Acme IT', email: 'help@acme.test', phone: '+49 1', website: 'https://acme.test/help?a=1&b=2', hours: 'Mo–Fr <9–17>' };
    const mail = renderMail('invitation', invitationData({ support }));
    expect(mail.text).toContain('https://acme.test/help?a=1&b=2\nMo–Fr <9–17>');
    expect(mail.html).toContain('href="https://acme.test/help?a&#x3D;1&amp;b&#x3D;2"');
    expect(mail.html).toContain('Mo–Fr &lt;9–17&gt;');
  });

  it('sends a temporary password set by staff, to be changed at the next sign-in', () => {
    const mail = renderMail('temporary-password', { ...invitationData(), temporaryPassword: 'Tmp-Reset-456' });
    expect(mail.subject).toBe('Your new temporary password');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Tmp-Reset-456');
      expect(body).toContain('change this password when you first sign in');
    }
  });

  it('speaks German to a German organization: every sentence, the footer and the page language', () => {
    const mail = renderMail('invitation', invitationData({ locale: 'de', support: { company: 'Acme IT', email: 'help@acme.test', phone: '+49 1' } }));
    expect(mail.subject).toBe('Einladung in die Organisation Customer One');
    expect(mail.text).toContain('Hallo Ann Example,\n\nSie wurden in die Organisation „Customer One“ eingeladen.');
    expect(mail.text).toContain('Anmelden unter https://app.partnerhub.test');
    expect(mail.text).toContain('Ihr Passwort erhalten Sie von Ihrer Administration.');
    expect(mail.text).toContain('Fragen? Acme IT, help@acme.test, +49 1');
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain('Anmelden unter <a href="https://app.partnerhub.test">https://app.partnerhub.test</a>');
    for (const body of [mail.text, mail.html]) expect(body).not.toMatch(/mail\.|Hello|Sign in/);
  });

  it('knows its template names', () => {
    expect(isMailTemplateName('invitation')).toBe(true);
    expect(isMailTemplateName('membership-added')).toBe(true);
    expect(isMailTemplateName('toString')).toBe(false);
    expect(isMailTemplateName('unknown')).toBe(false);
  });
});
