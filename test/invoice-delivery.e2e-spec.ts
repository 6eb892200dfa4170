import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { PDF_QUEUE } from '../src/queue/queue-names';
import { extractPdfText } from '../libs/pdf/testing/pdf-text';
import { InvoicePdfProcessor } from '../src/billing/invoices/invoice-pdf.processor';
import { InvoicePdfRenderer } from '../src/billing/invoices/invoice-pdf.renderer';
import { InvoiceService } from '../src/billing/invoices/invoice.service';
import { inOwnTransaction } from '../src/database/transaction';
import { creditTotals, unusedPeriod, unusedShareCents } from '../src/billing/catalog/pricing';
import { bearer, createCustomer, createPartner, orderSubscription } from './support/fixtures';
import { RedisProcess, freePort } from './support/redis-process';
import { binaryBody } from './support/http';
import { decodedPdf } from './support/pdf';
import { MimePart, SmtpSink, startSmtpSink } from './support/smtp-sink';
import { TestApp, createTestApp } from './support/test-app';
import { eventually } from './support/eventually';

/** Files attached (not inline images). */
const attachmentsOf = (mail: { attachments: MimePart[] }) => mail.attachments.filter((part) => part.disposition === 'attachment');

const ORDER = { planCode: 'business', addonCodes: ['hosts-10'], acceptPaymentObligation: true };

describe('invoice delivery: PDF and mail', () => {
  let testApp: TestApp;
  let smtp: SmtpSink;
  let partner: Awaited<ReturnType<typeof createPartner>>;

  const order = async (orgId: string) => (await orderSubscription(testApp, partner.admin, orgId, ORDER)).invoice;
  const getPdf = (orgId: string, invoiceId: string) =>
    testApp.http
      .get(`/api/v1/organizations/${orgId}/invoices/${invoiceId}/pdf`)
      .set(bearer(partner.admin))
      .buffer(true)
      .parse(binaryBody);
  const renderedPdf = (orgId: string, invoiceId: string) =>
    eventually('the PDF to be rendered', async () => {
      const response = await getPdf(orgId, invoiceId);
      if (response.status === 202) {
        expect(response.headers['retry-after']).toBe('2');
        return undefined;
      }
      expect(response.status).toBe(200);
      return response;
    });
  const mailsWith = (invoiceNumber: string) =>
    smtp.received.filter((mail) => attachmentsOf(mail).some((attachment) => attachment.filename === `invoice-${invoiceNumber}.pdf`));
  const deliveriesFor = (invoiceId: string) => testApp.sql<{ id: string; status: string }>('select id, status from mail_delivery where dedupe_key = ?', [`invoice:${invoiceId}`]);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, VENDOR_NAME: 'Sentinel Platform GmbH', VENDOR_VAT_ID: 'DE123456789' });
    partner = await createPartner(testApp, 'Acme IT');
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  it('renders the PDF in the queue and mails it, attached, to the billing owner', async () => {
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId, 'Bäckerei Schmidt');
    const invoice = await order(customer.id);

    const response = await renderedPdf(customer.id, invoice.id);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="invoice-${invoice.number}.pdf"`);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractPdfText(await decodedPdf(pdf));
    expect(text).toContain(invoice.number);
    expect(text).toContain('Sentinel Platform GmbH');
    expect(text).toContain('Bäckerei Schmidt');

    const mail = await eventually('the invoice mail', () => mailsWith(invoice.number)[0]);
    expect(mail.recipients).toEqual([partner.admin.email]);
    expect(mail.raw).toMatch(new RegExp(`^Subject: Rechnung ${invoice.number} von Sentinel Platform GmbH`, 'm'));
    const [attachment] = attachmentsOf(mail);
    expect(attachment).toMatchObject({ filename: `invoice-${invoice.number}.pdf`, contentType: 'application/pdf' });
    expect(attachment.content.equals(pdf)).toBe(true);

    const [delivery] = await eventually('the delivery marked sent', async () => {
      const rows = await deliveriesFor(invoice.id);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(delivery.status).toBe('sent');
    await expect(testApp.sql('update invoice set gross_cents = 1 where id = ?', [invoice.id])).rejects.toThrow(/immutable/);
  });

  it('renders and mails once when the job runs again after its worker died', async () => {
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    const invoice = await order(customer.id);
    await renderedPdf(customer.id, invoice.id);
    await eventually('the invoice mail', () => mailsWith(invoice.number)[0]);

    // A worker killed after its transaction committed but before Bull recorded the job as done:
    // Bull hands the job out again (here twice, concurrently).
    const processor = testApp.app.get(InvoicePdfProcessor);
    await Promise.all([processor.render(invoice.id), processor.render(invoice.id)]);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const documents = await testApp.sql<{ status: string; attempts: number }>('select status, attempts from invoice_document where invoice_id = ?', [invoice.id]);
    expect(documents).toEqual([{ status: 'rendered', attempts: 1 }]);
    expect(await deliveriesFor(invoice.id)).toHaveLength(1);
    expect(mailsWith(invoice.number)).toHaveLength(1);
  });

  it('sends the mail again with the same Message-ID when its worker died during SMTP', async () => {
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    const invoice = await order(customer.id);
    const [first] = await eventually('the invoice mail', async () => (mailsWith(invoice.number).length > 0 ? mailsWith(invoice.number) : undefined));
    const [delivery] = await eventually('the delivery marked sent', async () => {
      const rows = await deliveriesFor(invoice.id);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    // What such a worker leaves behind: its claim, long expired, and the SMTP transaction begun, but no "sent".
    await testApp.sql(
      `update mail_delivery set status = 'sending', sent_at = null, claimed_at = now() - interval '1 hour', smtp_started_at = now() - interval '1 hour' where id = ?`,
      [delivery.id],
    );

    const [, second] = await eventually('the mail sent again by the sweeper', async () => (mailsWith(invoice.number).length > 1 ? mailsWith(invoice.number) : undefined));
    const messageIdOf = (mail: { headers: string }) => /^Message-ID: (.+)$/im.exec(mail.headers)?.[1];
    expect(messageIdOf(first)).toBe(`<${delivery.id}@partnerhub.mail>`);
    expect(messageIdOf(second)).toBe(messageIdOf(first));
    await eventually('the delivery marked sent again', async () => ((await deliveriesFor(invoice.id))[0]?.status === 'sent' ? true : undefined));
    expect(mailsWith(invoice.number)).toHaveLength(2);
  });

  it('keeps the invoice issued when rendering fails, shows the failure, and retries', async () => {
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    const renderer = testApp.app.get(InvoicePdfRenderer);
    const render = jest.spyOn(renderer, 'render').mockRejectedValueOnce(new Error('font cache exploded'));
    try {
      const invoice = await order(customer.id);
      const failed = await eventually('the failure recorded', async () => {
        const [row] = await testApp.sql<{ status: string; last_error: string | null; attempts: number }>(
          'select status, last_error, attempts from invoice_document where invoice_id = ?',
          [invoice.id],
        );
        return row?.status === 'failed' ? row : undefined;
      });
      expect(failed).toEqual({ status: 'failed', last_error: 'font cache exploded', attempts: 1 });
      const pending = await getPdf(customer.id, invoice.id);
      if (pending.status === 202) expect(JSON.parse((pending.body as Buffer).toString('utf8'))).toEqual({ status: 'failed', retryAfter: 2 });

      await renderedPdf(customer.id, invoice.id);
      const [row] = await testApp.sql<{ status: string; last_error: string | null; attempts: number }>(
        'select status, last_error, attempts from invoice_document where invoice_id = ?',
        [invoice.id],
      );
      expect(row).toEqual({ status: 'rendered', last_error: null, attempts: 2 });
      await eventually('the invoice mail', () => mailsWith(invoice.number)[0]);
      expect(mailsWith(invoice.number)).toHaveLength(1);
    } finally {
      render.mockRestore();
    }
  });

  it('re-drives a PDF whose jobs failed for good in round after round, until it renders', async () => {
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    const render = jest.spyOn(testApp.app.get(InvoicePdfRenderer), 'render').mockRejectedValue(new Error('renderer down'));
    const queue = testApp.app.get<Queue>(getQueueToken(PDF_QUEUE));
    try {
      const invoice = await order(customer.id);
      await eventually('the first failure', async () => {
        const [row] = await testApp.sql<{ status: string }>('select status from invoice_document where invoice_id = ?', [invoice.id]);
        return row?.status === 'failed' ? true : undefined;
      });
      const processor = testApp.app.get(InvoicePdfProcessor);
      const later = new Date(Date.now() + 3_600_000);
      const jobsOf = async () => (await queue.getJobs(['waiting', 'delayed', 'active', 'failed', 'completed'])).filter((job) => job?.data.invoiceId === invoice.id);
      // Each round's job spent its retries (Bull keeps it as failed); the next sweep queues one of its own.
      for (const attempts of [5, 10]) {
        await testApp.sql('update invoice_document set attempts = ? where invoice_id = ?', [attempts, invoice.id]);
        const before = (await jobsOf()).length;
        await processor.redrive(later);
        expect((await jobsOf()).length).toBe(before + 1);
      }
      render.mockRestore();
      await testApp.sql('update invoice_document set attempts = 15 where invoice_id = ?', [invoice.id]);
      await processor.redrive(later);
      await renderedPdf(customer.id, invoice.id);
      await eventually('the invoice mail', () => mailsWith(invoice.number)[0]);
    } finally {
      render.mockRestore();
    }
  });

  it('credits the unused part of the paid period when a customer organization is deleted, and mails the credit note to the partner', async () => {
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId, 'Kurzzeit GmbH');
    const invoice = await order(customer.id);
    await eventually('the invoice mail', () => mailsWith(invoice.number)[0]);
    await testApp.http.delete(`/api/v1/organizations/${customer.id}`).set(bearer(partner.admin)).expect(204);

    const listed = await testApp.http.get(`/api/v1/organizations/${partner.organizationId}/customer-invoices?limit=200`).set(bearer(partner.admin)).expect(200);
    const items = listed.body.items as Record<string, unknown>[];
    expect(items.find((item) => item.id === invoice.id)).toMatchObject({ type: 'invoice', correctsInvoiceId: null });
    const creditNote = items.find((item) => item.correctsInvoiceId === invoice.id) as { id: string; number: string; gross: number } | undefined;

    // What the deletion credits: each line's unused share of the period the invoice paid for, at the invoice's VAT rate.
    const [subscription] = await testApp.sql<{ current_period_start: string; current_period_end: string; ended_at: string }>(
      'select current_period_start, current_period_end, ended_at from subscription where organization_id = ?',
      [customer.id],
    );
    const period = { start: new Date(subscription.current_period_start), end: new Date(subscription.current_period_end) };
    const endedAt = new Date(subscription.ended_at);
    const lines = await testApp.sql<{ unit_price_cents: number }>('select unit_price_cents from invoice_line where invoice_id = ? order by position', [invoice.id]);
    expect(lines).toHaveLength(2);
    const totals = creditTotals(lines.map((line) => unusedShareCents(line.unit_price_cents, period, endedAt)), 19);
    expect(totals.grossCents).toBeLessThan(0);
    const sequence = Number(invoice.number.slice(5)) + 1;
    expect(creditNote).toMatchObject({
      type: 'credit_note',
      number: `${invoice.number.slice(0, 5)}${String(sequence).padStart(6, '0')}`,
      net: totals.netCents,
      tax: totals.taxCents,
      gross: totals.grossCents,
      periodStart: unusedPeriod(period, endedAt).start.toISOString(),
      periodEnd: period.end.toISOString(),
      customer: { id: customer.id, name: 'Kurzzeit GmbH', deleted: true },
    });

    const creditNoteFile = `credit-note-${creditNote!.number}.pdf`;
    const mail = await eventually('the credit note mail', () => smtp.received.find((received) => attachmentsOf(received).some((part) => part.filename === creditNoteFile)));
    expect(mail.recipients).toEqual([partner.admin.email]);
    expect(mail.raw).toMatch(new RegExp(`^Subject: Rechnungskorrektur ${creditNote!.number} von Sentinel Platform GmbH`, 'm'));
    expect(mail.text).toContain(invoice.number);
    const text = extractPdfText(await decodedPdf(attachmentsOf(mail)[0].content));
    expect(text).toContain('Rechnungskorrektur');
    expect(text).toContain(creditNote!.number);
    expect(text).toContain(invoice.number);
    expect(text).toContain('Kurzzeit GmbH');
  });

  it('credits on deletion only what staff have not credited yet, and never more than the invoice', async () => {
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId, 'Gutschrift GmbH');
    const invoice = await order(customer.id);
    const lines = await testApp.sql<{ code: string; total_cents: number }>('select code, total_cents from invoice_line where invoice_id = ? order by position', [invoice.id]);
    expect(lines.map((line) => line.code)).toEqual(['business', 'hosts-10']);
    // Staff credit the plan line in full (a goodwill refund) before the partner deletes the customer.
    const invoiceIssuing = testApp.app.get(InvoiceService);
    await inOwnTransaction(testApp.app.get(EntityManager), () => invoiceIssuing.creditByStaff({ invoiceId: invoice.id, reason: 'Kulanz', positions: [1] }));
    await testApp.http.delete(`/api/v1/organizations/${customer.id}`).set(bearer(partner.admin)).expect(204);

    const creditNotes = await testApp.sql<{ id: string; net_cents: number; credit_reason: string | null }>(
      'select id, net_cents, credit_reason from invoice where corrects_invoice_id = ? order by number',
      [invoice.id],
    );
    const [subscription] = await testApp.sql<{ current_period_start: string; current_period_end: string; ended_at: string }>(
      'select current_period_start, current_period_end, ended_at from subscription where organization_id = ?',
      [customer.id],
    );
    const period = { start: new Date(subscription.current_period_start), end: new Date(subscription.current_period_end) };
    // The plan is credited already: the deletion credits the addon's unused share alone.
    expect(creditNotes.map((row) => row.net_cents)).toEqual([-lines[0].total_cents, -unusedShareCents(lines[1].total_cents, period, new Date(subscription.ended_at))]);
    const deletionLines = await testApp.sql<{ code: string }>('select code from invoice_line where invoice_id = ?', [creditNotes[1].id]);
    expect(deletionLines.map((line) => line.code)).toEqual(['hosts-10']);
  });

  it('issues no deletion credit for an invoice credited in full by staff, and still deletes', async () => {
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId, 'Voll Erstattet GmbH');
    const invoice = await order(customer.id);
    const invoiceIssuing = testApp.app.get(InvoiceService);
    await inOwnTransaction(testApp.app.get(EntityManager), () => invoiceIssuing.creditByStaff({ invoiceId: invoice.id, reason: 'Storno', positions: [] }));
    await testApp.http.delete(`/api/v1/organizations/${customer.id}`).set(bearer(partner.admin)).expect(204);

    const [credited] = await testApp.sql<{ count: number; net: number }>(
      'select count(*)::integer as count, coalesce(sum(net_cents), 0)::integer as net from invoice where corrects_invoice_id = ?',
      [invoice.id],
    );
    const [{ net_cents: netCents }] = await testApp.sql<{ net_cents: number }>('select net_cents from invoice where id = ?', [invoice.id]);
    expect(credited).toEqual({ count: 1, net: -netCents });
    const [subscription] = await testApp.sql<{ status: string }>('select status from subscription where organization_id = ?', [customer.id]);
    expect(subscription.status).toBe('cancelled');
  });

  it('writes the invoice mail in the billing owner\'s language, with its dates and amounts', async () => {
    const english = await createPartner(testApp, 'Brit IT');
    await testApp.http.patch(`/api/v1/organizations/${english.organizationId}`).set(bearer(english.admin)).send({ locale: 'en' }).expect(200);
    const customer = await createCustomer(testApp, english.admin, english.organizationId, 'Tea Room Ltd');
    const { invoice } = await orderSubscription(testApp, english.admin, customer.id, ORDER);
    const mail = await eventually('the invoice mail', () => mailsWith(invoice.number)[0]);
    expect(mail.headers).toMatch(new RegExp(`^Subject: Invoice ${invoice.number} from Sentinel Platform GmbH$`, 'm'));
    expect(mail.text).toContain(`please find attached invoice ${invoice.number} of `);
    expect(mail.text).toContain('for "Tea Room Ltd".');
    expect(mail.text).toMatch(/^Total: €\d{1,3}(,\d{3})*\.\d{2}$/m);
    expect(mail.text).toMatch(/^Due by: \d{1,2} [A-Z][a-z]{2} \d{4}$/m);
    expect(mail.text).toMatch(/^Period: \d{1,2} [A-Z][a-z]{2} \d{4} – \d{1,2} [A-Z][a-z]{2} \d{4}$/m);
    expect(mail.html).toContain('<html lang="en">');
    const pdfText = extractPdfText(await decodedPdf(attachmentsOf(mail)[0].content));
    expect(pdfText).toContain(`Invoice ${invoice.number}`);
    expect(pdfText).toContain('Customer: Tea Room Ltd');
    expect(pdfText).toMatch(/Total due€\d/);
    expect(pdfText).not.toMatch(/Rechnung|Leistungszeitraum/);
  });

  it('answers 404 for an invoice of another organization', async () => {
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    const other = await createCustomer(testApp, partner.admin, partner.organizationId);
    const invoice = await order(customer.id);
    await getPdf(other.id, invoice.id).expect(404);
  });
});

describe('invoice delivery while Redis is down', () => {
  let smtp: SmtpSink | undefined;
  let redis: RedisProcess | undefined;
  let testApp: TestApp | undefined;

  afterAll(async () => {
    await testApp?.close();
    await redis?.stop();
    await smtp?.close();
  });

  it('takes the order, then renders and mails the invoice once Redis is back', async () => {
    smtp = await startSmtpSink();
    redis = new RedisProcess(await freePort());
    await redis.start();
    const app = await createTestApp({ REDIS_URL: redis.url, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    testApp = app;
    const partner = await createPartner(app);
    const customer = await createCustomer(app, partner.admin, partner.organizationId);

    await redis.stop();
    const ordered = await app.http
      .post(`/api/v1/organizations/${customer.id}/subscription`)
      .set(bearer(partner.admin))
      .set('Idempotency-Key', randomUUID())
      .send(ORDER)
      .timeout(10_000)
      .expect(201);
    const invoice = ordered.body.invoice as { id: string; number: string };
    const pdfPath = `/api/v1/organizations/${customer.id}/invoices/${invoice.id}/pdf`;

    await eventually('the relay to try and fail', async () => {
      const [row] = await app.sql<{ attempts: number }>('select attempts from outbox_message where job_id = ?', [`invoice-pdf:${invoice.id}`]);
      return row && row.attempts > 0 ? row : undefined;
    });
    const waiting = await app.http.get(pdfPath).set(bearer(partner.admin)).expect(202);
    expect(waiting.body).toEqual({ status: 'pending', retryAfter: 2 });
    expect(smtp.received).toHaveLength(0);

    await redis.start();
    await eventually('the PDF to be rendered', async () => ((await app.http.get(pdfPath).set(bearer(partner.admin))).status === 200 ? true : undefined));
    const mail = await eventually('the invoice mail', () =>
      smtp!.received.find((received) => attachmentsOf(received).some((attachment) => attachment.filename === `invoice-${invoice.number}.pdf`)),
    );
    expect(mail.recipients).toEqual([partner.admin.email]);
  });
});
