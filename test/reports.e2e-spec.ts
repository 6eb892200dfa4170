import { getQueueToken } from '@nestjs/bull';
import Bull, { Queue } from 'bull';
import { jpeg } from '../libs/branding/testing/crafted-images';
import { extractPdfText } from '../libs/pdf/testing/pdf-text';
import { PDF_QUEUE } from '../src/queue/queue-names';
import { MAX_STALLED_COUNT } from '../src/queue/queue.module';
import { ReportPdfProcessor } from '../src/reports/report-pdf.processor';
import { reportJobId } from '../src/reports/report.job';
import { eventually } from './support/eventually';
import { Login, addMember, bearer, createCustomer, createPartner } from './support/fixtures';
import { binaryBody } from './support/http';
import { inflatePdf, pdfImages } from './support/pdf';
import { TestApp, createTestApp } from './support/test-app';

interface ReportRow {
  status: string;
  attempts: number;
  failure_reason: string | null;
  has_pdf: boolean;
}

describe('reports: inventory PDF through the pdf queue', () => {
  let testApp: TestApp;
  let pdfQueue: Queue;
  let partner: { organizationId: string; admin: Login };
  let customer: { id: string; name: string };
  let customerGuest: Login;

  const reportsUrl = (orgId: string) => `/api/v1/organizations/${orgId}/reports`;
  const order = (orgId: string, as: Login = partner.admin) => testApp.http.post(reportsUrl(orgId)).set(bearer(as)).send({ type: 'inventory' });
  const reportRow = async (reportId: string): Promise<ReportRow | undefined> =>
    (await testApp.sql<ReportRow>('select status, attempts, failure_reason, pdf is not null as has_pdf from report where id = ?', [reportId]))[0];
  const pdfOf = (orgId: string, reportId: string, as: Login = partner.admin) =>
    testApp.http.get(`${reportsUrl(orgId)}/${reportId}/pdf`).set(bearer(as)).buffer(true).parse(binaryBody);
  const finished = (orgId: string, reportId: string) =>
    eventually(`report ${reportId} to finish`, async () => {
      const { body } = await testApp.http.get(`${reportsUrl(orgId)}/${reportId}`).set(bearer(partner.admin)).expect(200);
      return body.status === 'done' || body.status === 'failed' ? body : undefined;
    });

  beforeAll(async () => {
    // Workers look for jobs of dead workers every 300 ms instead of every 30 s.
    testApp = await createTestApp({ TRIAL_LICENSES: '50', QUEUE_STALLED_INTERVAL_MS: '300' });
    pdfQueue = testApp.app.get<Queue>(getQueueToken(PDF_QUEUE));
    partner = await createPartner(testApp, 'Muster IT GmbH');
    customer = await createCustomer(testApp, partner.admin, partner.organizationId, 'Bäckerei Schmidt');
    customerGuest = await addMember(testApp, partner.admin, customer.id, 'guest', 'customer-guest');
    for (const name of ['web-01.schmidt.lan', 'db-01.schmidt.lan', 'kasse-filiale-3']) {
      await testApp.http.post(`/api/v1/organizations/${customer.id}/hosts`).set(bearer(partner.admin)).send({ name, os: 'Debian 12' }).expect(201);
    }
    await testApp.http.post(`/api/v1/organizations/${customer.id}/endpoints`).set(bearer(partner.admin)).send({ name: 'Webshop', url: 'https://shop.schmidt.example' }).expect(201);
    // The partner's logo, in a size no other image in the report has.
    await testApp.http.put(`/api/v1/organizations/${partner.organizationId}/logo`).set(bearer(partner.admin)).attach('file', await jpeg(613, 211), 'logo.jpg').expect(200);
  });
  afterAll(() => testApp.close());

  it('renders the ordered report with the effective logo, the organization’s hosts and endpoints, for guests to read', async () => {
    await order(customer.id, customerGuest).expect(403);
    const ordered = await order(customer.id).expect(202);
    expect(ordered.body).toEqual({ id: expect.any(String), status: 'queued' });
    expect(ordered.headers.location).toBe(`reports/${ordered.body.id}`);

    const report = await finished(customer.id, ordered.body.id);
    expect(report).toMatchObject({ id: ordered.body.id, type: 'inventory', status: 'done', failureReason: null });

    const pdf = await pdfOf(customer.id, ordered.body.id, customerGuest).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="inventory-report-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const bytes = inflatePdf(pdf.body as Buffer);
    expect(pdfImages(bytes)).toContainEqual({ width: 613, height: 211 });
    const text = extractPdfText(bytes);
    for (const expected of ['Bäckerei Schmidt', 'web-01.schmidt.lan', 'db-01.schmidt.lan', 'kasse-filiale-3', 'Webshop', 'https://shop.schmidt.example']) {
      expect(text).toContain(expected);
    }

    const listed = await testApp.http.get(reportsUrl(customer.id)).set(bearer(customerGuest)).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(ordered.body.id);
  });

  it('answers 202 with Retry-After until the report is done', async () => {
    await pdfQueue.pause(true);
    try {
      const ordered = await order(customer.id).expect(202);
      const pending = await pdfOf(customer.id, ordered.body.id).expect(202);
      expect(pending.headers['retry-after']).toBe('2');
      expect(JSON.parse((pending.body as Buffer).toString('utf8'))).toEqual({ status: 'queued', retryAfter: 2 });
    } finally {
      await pdfQueue.resume(true);
    }
  });

  it('refuses bad orders and hides other tenants’ reports', async () => {
    await testApp.http.post(reportsUrl(customer.id)).set(bearer(partner.admin)).send({ type: 'everything' }).expect(400);
    await testApp.http.post(reportsUrl(customer.id)).set(bearer(partner.admin)).send({ type: 'inventory', hosts: 'all' }).expect(400);
    await testApp.http.post(reportsUrl(customer.id)).set(bearer(partner.admin)).send({}).expect(400);

    const ordered = await order(customer.id).expect(202);
    const other = await createPartner(testApp);
    await testApp.http.get(`${reportsUrl(other.organizationId)}/${ordered.body.id}`).set(bearer(other.admin)).expect(404);
    await testApp.http.get(`${reportsUrl(customer.id)}/${ordered.body.id}`).set(bearer(other.admin)).expect(404);
    await testApp.http.get(`${reportsUrl(partner.organizationId)}/${ordered.body.id}`).set(bearer(partner.admin)).expect(404);
    await testApp.http.get(`${reportsUrl(customer.id)}/not-a-uuid`).set(bearer(partner.admin)).expect(400);
    await finished(customer.id, ordered.body.id);
  });

  it('drops a report whose organization is deleted before it is rendered, without failing the job', async () => {
    const doomed = await createCustomer(testApp, partner.admin, partner.organizationId);
    await pdfQueue.pause(true);
    const ordered = await order(doomed.id).expect(202);
    await eventually('the job to reach Bull', async () => (await pdfQueue.getJob(reportJobId(ordered.body.id))) ?? undefined);
    await testApp.http.delete(`/api/v1/organizations/${doomed.id}`).set(bearer(partner.admin)).expect(204);
    await pdfQueue.resume(true);

    const job = await pdfQueue.getJob(reportJobId(ordered.body.id));
    await eventually('the job to complete', async () => ((await job?.getState()) === 'completed' ? true : undefined));
    expect(await reportRow(ordered.body.id)).toBeUndefined();
    await testApp.http.get(`${reportsUrl(doomed.id)}/${ordered.body.id}`).set(bearer(partner.admin)).expect(404);
  });

  it('takes over from a worker that died mid-render and finishes the report exactly once', async () => {
    const ordered = await dyingWorkerTakes(1);
    const report = await finished(customer.id, ordered);
    expect(report.status).toBe('done');
    expect(await reportRow(ordered)).toMatchObject({ status: 'done', has_pdf: true, failure_reason: null });
    expect(await (await pdfQueue.getJob(reportJobId(ordered)))?.getState()).toBe('completed');
  });

  it('ends failed with a reason, not rendering, when workers keep dying on a report', async () => {
    const ordered = await dyingWorkerTakes(MAX_STALLED_COUNT + 1);
    const report = await finished(customer.id, ordered);
    expect(report).toMatchObject({ status: 'failed', failureReason: 'The rendering worker stopped responding repeatedly.' });
    const pdf = await pdfOf(customer.id, ordered).expect(409);
    expect(JSON.parse((pdf.body as Buffer).toString('utf8')).type).toBe('https://partnerhub.dev/problems/report-failed');
  });

  it('retries a failing render and fails with the reason after the last attempt', async () => {
    const broken = await createCustomer(testApp, partner.admin, partner.organizationId);
    // An unreadable logo in the database: the render itself fails, as it would on a corrupt row.
    await testApp.sql(
      `insert into organization_logo (organization_id, content_type, width, height, size, sha256, data) values (?, 'image/png', 200, 200, 4, 'x', '\\x00010203')`,
      [broken.id],
    );
    await pdfQueue.pause(true);
    const ordered = await order(broken.id).expect(202);
    const processor = testApp.app.get(ReportPdfProcessor);

    await expect(processor.render(ordered.body.id, 1, 3)).rejects.toThrow();
    expect(await reportRow(ordered.body.id)).toMatchObject({ status: 'queued', attempts: 1, failure_reason: expect.any(String) });

    await processor.render(ordered.body.id, 3, 3);
    const row = await reportRow(ordered.body.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, has_pdf: false });
    expect(row?.failure_reason).toBeTruthy();
    await pdfQueue.resume(true);
  });

  /**
   * A worker process takes the report's job and dies `times` times: it claims the report the way
   * the processor does, then neither finishes nor renews its Bull lock. The app's own stalled-job
   * check hands the job back to the queue, or fails it once it has stalled more than MAX_STALLED_COUNT times.
   */
  async function dyingWorkerTakes(times: number): Promise<string> {
    await pdfQueue.pause(true);
    const ordered = await order(customer.id).expect(202);
    const reportId: string = ordered.body.id;
    await eventually('the job to reach Bull', async () => (await pdfQueue.getJob(reportJobId(reportId))) ?? undefined);
    for (let death = 0; death < times; death += 1) {
      const doomedWorker = new Bull(PDF_QUEUE, testApp.config.redisUrl, { settings: { lockDuration: 300 } });
      try {
        const job = await eventually('the doomed worker to take the job', async () => (await doomedWorker.getNextJob()) ?? undefined);
        expect(job.id).toBe(reportJobId(reportId));
        await testApp.sql(`update report set status = 'rendering', started_at = now() where id = ?`, [reportId]);
      } finally {
        await doomedWorker.close(true);
      }
    }
    await pdfQueue.resume(true);
    return reportId;
  }
});
