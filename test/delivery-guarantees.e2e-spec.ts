import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import Redis from 'ioredis';
import { BILLING_RUN_JOB_ID } from '../src/billing/subscriptions/billing-run.processor';
import { BILLING_QUEUE, MAINTENANCE_QUEUE, PDF_QUEUE } from '../src/queue/queue-names';
import { SWEEP_JOB_ID } from '../src/queue/sweeper';
import { createCustomer, createPartner, orderSubscription, uniqueEmail, bearer } from './support/fixtures';
import { eventually } from './support/eventually';
import { freePort } from './support/redis-process';
import { MimePart, ReceivedMail, SmtpSink, startSmtpSink } from './support/smtp-sink';
import { TestApp, createTestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

const attachmentsOf = (mail: { attachments: MimePart[] }) => mail.attachments.filter((part) => part.disposition === 'attachment');
const messageIdOf = (mail: ReceivedMail) => /^Message-ID: (.+)$/im.exec(mail.headers)?.[1];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('invoice mails while workers are killed (SIGKILL) mid-job', () => {
  let smtp: SmtpSink;
  let testApp: TestApp;
  const workers: WorkerProcess[] = [];

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await testApp?.close();
    await smtp?.close();
  });

  it('delivers every invoice with its PDF; a mail sent twice carries one Message-ID', async () => {
    // A slow SMTP server: mails are in the middle of their transaction when a worker dies.
    smtp = await startSmtpSink({ acceptDelayMs: 150 });
    const smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
    testApp = await createTestApp({ SMTP_URL: smtpUrl }, { workers: false });
    const workerEnv = {
      DATABASE_URL: testApp.config.databaseUrl,
      REDIS_URL: testApp.config.redisUrl,
      SMTP_URL: smtpUrl,
      MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'partnerhub-worker-outbox-')),
      MAIL_CLAIM_LEASE_SECONDS: '2',
      MAIL_RETRY_SCHEDULE_SECONDS: '1,1,1,1,1,1,1,1',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      SWEEP_INTERVAL_SECONDS: '1',
    };
    workers.push(new WorkerProcess(workerEnv), new WorkerProcess(workerEnv));
    await Promise.all(workers.map((worker) => worker.start()));

    const partner = await createPartner(testApp);
    const invoices: { id: string; number: string }[] = [];
    for (let index = 0; index < 24; index += 1) {
      const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
      invoices.push((await orderSubscription(testApp, partner.admin, customer.id)).invoice);
    }

    // One worker dies every 1.5 s and comes back after 1 s, six times.
    for (let round = 0; round < 6; round += 1) {
      await sleep(1500);
      const victim = workers[round % workers.length];
      await victim.kill();
      await sleep(1000);
      await victim.start();
    }

    const mailsOf = (number: string) => smtp.received.filter((mail) => attachmentsOf(mail).some((part) => part.filename === `invoice-${number}.pdf`));
    await eventually(
      'every invoice mail to arrive',
      async () => (invoices.every((invoice) => mailsOf(invoice.number).length > 0) ? true : undefined),
      90_000,
    );
    for (const invoice of invoices) {
      const mails = mailsOf(invoice.number);
      expect(new Set(mails.map(messageIdOf)).size).toBe(1);
    }
    const states = await eventually('every delivery marked sent', async () => {
      const rows = await testApp.sql<{ status: string; count: string }>(`select status, count(*) from mail_delivery where dedupe_key like 'invoice:%' group by status`);
      return rows.length === 1 && rows[0].status === 'sent' ? rows : undefined;
    }, 30_000);
    expect(Number(states[0].count)).toBe(invoices.length);
    const documents = await testApp.sql<{ status: string }>('select distinct status from invoice_document');
    expect(documents).toEqual([{ status: 'rendered' }]);
  }, 150_000);
});

describe('an SMTP server down longer than five attempts', () => {
  let smtp: SmtpSink | undefined;
  let testApp: TestApp | undefined;

  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  it('keeps retrying on the schedule and delivers once the server is back', async () => {
    const port = await freePort();
    // Twenty-one attempts a second apart (room for a loaded machine): the old fixed five (about 53 s in production) would have given up after the sixth.
    testApp = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_SCHEDULE_SECONDS: Array(20).fill('1').join(',') });
    const partner = await createPartner(testApp);
    const email = uniqueEmail('patient');
    await testApp.http.post(`/api/v1/organizations/${partner.organizationId}/members`).set(bearer(partner.admin)).send({ email, role: 'guest' }).expect(201);

    const waiting = await eventually('six refused attempts', async () => {
      const [row] = await testApp!.sql<{ status: string; attempts: number; last_error: string }>('select status, attempts, last_error from mail_delivery where recipient = ?', [email]);
      return row && row.attempts >= 6 ? row : undefined;
    }, 30_000);
    expect(waiting).toMatchObject({ status: expect.stringMatching(/^(pending|sending)$/), last_error: expect.stringMatching(/ECONNREFUSED/) });

    smtp = await startSmtpSink({ port });
    await eventually('the mail', async () => smtp!.received.find((mail) => mail.recipients.includes(email)), 20_000);
    // The worker marks it sent just after the server accepted it.
    await eventually('the delivery marked sent', async () => {
      const [row] = await testApp!.sql<{ status: string }>('select status from mail_delivery where recipient = ?', [email]);
      return row?.status === 'sent' ? true : undefined;
    }, 10_000);
  });

});

describe('an SMTP server that never comes back', () => {
  it('fails a delivery for good after its last attempt', async () => {
    const port = await freePort();
    const app = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_SCHEDULE_SECONDS: '1,1' });
    try {
      const partner = await createPartner(app);
      const email = uniqueEmail('hopeless');
      await app.http.post(`/api/v1/organizations/${partner.organizationId}/members`).set(bearer(partner.admin)).send({ email, role: 'guest' }).expect(201);
      const failed = await eventually('the delivery failed for good', async () => {
        const [row] = await app.sql<{ status: string; attempts: number }>('select status, attempts from mail_delivery where recipient = ?', [email]);
        return row?.status === 'failed' ? row : undefined;
      }, 30_000);
      expect(failed.attempts).toBe(3);
    } finally {
      await app.close();
    }
  });
});

describe('a mailbox that refuses a mail for good', () => {
  it('reports the failed delivery to staff once, with a link to it in the back-office', async () => {
    const smtp = await startSmtpSink();
    const staff = uniqueEmail('ops');
    const app = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_RETRY_SCHEDULE_SECONDS: '1,1', STAFF_ALERT_EMAIL: staff });
    try {
      const partner = await createPartner(app);
      const email = uniqueEmail('refused');
      smtp.refuseAlways.add(email);
      await app.http.post(`/api/v1/organizations/${partner.organizationId}/members`).set(bearer(partner.admin)).send({ email, role: 'guest' }).expect(201);

      const report = await eventually('the staff report', async () => smtp.received.find((mail) => mail.recipients.includes(staff)), 30_000);
      expect(report.headers).toMatch(/^Subject: 1 Mail konnte nicht zugestellt werden$/m);
      expect(report.text).toContain(`invitation an ${email}, Versuche: 3`);
      expect(report.text).toContain('Mailbox busy, try again later');
      expect(report.text).toContain('/admin/resources/MailDelivery?filters.status=failed');
      const [failed] = await app.sql<{ status: string; failure_report_id: string | null }>('select status, failure_report_id from mail_delivery where recipient = ?', [email]);
      expect(failed).toEqual({ status: 'failed', failure_report_id: expect.any(String) });

      // Later sweeps find nothing new to report.
      await sleep(3000);
      expect(smtp.received.filter((mail) => mail.recipients.includes(staff))).toHaveLength(1);
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});

describe('Redis emptied under running workers', () => {
  let smtp: SmtpSink;
  let testApp: TestApp;

  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  it('gets the daily billing run and the sweeper scheduled again, and still renders and delivers what was queued', async () => {
    smtp = await startSmtpSink();
    testApp = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    const billing = testApp.app.get<Queue>(getQueueToken(BILLING_QUEUE));
    const maintenance = testApp.app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
    const scheduled = async () => [...(await billing.getRepeatableJobs()), ...(await maintenance.getRepeatableJobs())].map((job) => job.id).sort();
    await eventually('both schedules', async () => ((await scheduled()).length === 2 ? true : undefined), 10_000);

    const partner = await createPartner(testApp);
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    // This process's PDF worker holds off, so the job is still waiting in Redis when Redis forgets it.
    const pdf = testApp.app.get<Queue>(getQueueToken(PDF_QUEUE));
    await pdf.pause(true);
    const { invoice } = await orderSubscription(testApp, partner.admin, customer.id);
    const report = await testApp.http.post(`/api/v1/organizations/${customer.id}/reports`).set(bearer(partner.admin)).send({ type: 'inventory' }).expect(202);
    await eventually('the PDF jobs relayed to Redis', async () => ((await pdf.getJob(`invoice-pdf:${invoice.id}`)) && (await pdf.getJob(`report:${report.body.id}`)) ? true : undefined), 10_000);
    const redis = new Redis(testApp.config.redisUrl);
    await redis.flushdb();
    redis.disconnect();
    await pdf.resume(true);
    // A pending PDF whose job is gone counts as stuck after five minutes; make both that old.
    await testApp.sql(`update invoice_document set created_at = now() - interval '10 minutes' where invoice_id = ?`, [invoice.id]);
    await testApp.sql(`update report set created_at = now() - interval '10 minutes' where id = ?`, [report.body.id]);

    expect(await eventually('both schedules again', async () => {
      const ids = await scheduled();
      return ids.length === 2 ? ids : undefined;
    }, 15_000)).toEqual([BILLING_RUN_JOB_ID, SWEEP_JOB_ID].sort());
    await eventually(
      'the invoice mail',
      async () => smtp.received.find((mail) => attachmentsOf(mail).some((part) => part.filename === `invoice-${invoice.number}.pdf`)),
      30_000,
    );
    await eventually('the report rendered', async () => {
      const [row] = await testApp.sql<{ status: string }>('select status from report where id = ?', [report.body.id]);
      return row?.status === 'done' ? row : undefined;
    }, 30_000);
  });
});
