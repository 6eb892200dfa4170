import { mailBrand } from './brand';
import { InvoiceMailData } from './mail-data';
import { renderMail } from './render-mail';

const invoiceData = (overrides: Partial<InvoiceMailData> = {}): InvoiceMailData => ({
  locale: 'en',
  brand: mailBrand({ vendorName: 'partnerhub GmbH' }),
  support: { company: 'partnerhub GmbH', email: 'support@partnerhub.test', phone: '+49 30 1' },
  recipientName: 'Acme IT GmbH',
  invoiceNumber: '2026-000042',
  issuedOn: '27.11.2026',
  period: '27.11.2026 – 26.12.2026',
  total: '226,58\u00a0€',
  loginUrl: 'https://app.partnerhub.test',
  ...overrides,
});

describe('renderMail: invoice', () => {
  it('names the invoice, its period and total, and the customer it is for', () => {
    const mail = renderMail('invoice', invoiceData({ customerName: 'Bäckerei Schmidt' }));
    expect(mail.subject).toBe('Invoice 2026-000042 from partnerhub GmbH');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Acme IT GmbH');
      expect(body).toContain('2026-000042');
      expect(body).toContain('27.11.2026 – 26.12.2026');
      expect(body).toContain('226,58\u00a0€');
      expect(body).toContain('Bäckerei Schmidt');
      expect(body).toContain('https://app.partnerhub.test');
    }
    expect(mail.text).toContain('Questions? partnerhub GmbH, support@partnerhub.test, +49 30 1');
  });

  it('leaves the customer out of an invoice for the billing owner itself', () => {
    const mail = renderMail('invoice', invoiceData());
    expect(mail.text).toContain('invoice 2026-000042 of 27.11.2026.');
    expect(mail.text).not.toContain(' for "');
  });

  it('escapes names in HTML', () => {
    const mail = renderMail('invoice', invoiceData({ recipientName: '<b>Evil</b>', customerName: 'A & B' }));
    expect(mail.html).not.toContain('<b>Evil</b>');
    expect(mail.html).toContain('&lt;b&gt;Evil&lt;/b&gt;');
    expect(mail.html).toContain('A &amp; B');
  });
});

describe('renderMail: credit note', () => {
  it('names the credit note, the invoice it corrects, the credited period and total, and the customer', () => {
    const mail = renderMail('credit-note', {
      ...invoiceData(),
      creditNoteNumber: '2026-000043',
      correctedInvoiceNumber: '2026-000042',
      period: '03.12.2026 – 26.12.2026',
      total: '-180,12\u00a0€',
      customerName: 'Bäckerei Schmidt',
    });
    expect(mail.subject).toBe('Credit note 2026-000043 from partnerhub GmbH');
    for (const body of [mail.text, mail.html]) {
      for (const shown of ['2026-000043', '2026-000042', '03.12.2026 – 26.12.2026', '-180,12\u00a0€', 'Bäckerei Schmidt']) expect(body).toContain(shown);
    }
  });
});
