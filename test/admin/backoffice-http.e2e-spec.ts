import { randomUUID } from 'node:crypto';
import Queue from 'bull';
import request from 'supertest';
import { eventually } from '../support/eventually';
import { binaryBody } from '../support/http';
import { decodedPdf } from '../support/pdf';
import { extractPdfText } from '../../libs/pdf/testing/pdf-text';
import { AdminServer, startAdminServer } from './support/admin-server';
import { BackofficeWorld, PARTNER_PASSWORD, STAFF_PASSWORD, createWorld, staffAgent, uniqueEmail } from './support/backoffice-world';

type Agent = Awaited<ReturnType<typeof staffAgent>>;

/** The back-office over HTTP: login form, sessions, AdminJS's API, the queue dashboard, and what is refused. */
describe('back-office over HTTP', () => {
  let server: AdminServer;
  let world: BackofficeWorld;
  let staff: Agent;

  const record = (resource: string, id: string, action: string) => `/admin/api/resources/${resource}/records/${id}/${action}`;
  const post = (agent: Agent, path: string) => agent.post(path).set('Origin', server.baseUrl);
  const auditCount = async () => Number((await server.sql<{ count: string }>('select count(*) from audit_log_entry'))[0].count);

  beforeAll(async () => {
    server = await startAdminServer({ LOGIN_MAX_FAILURES: '3' });
    world = await createWorld(server);
    staff = await staffAgent(server, world.staff.email);
  }, 120_000); // may include building dist/
  afterAll(() => server?.stop());

  describe('anonymous', () => {
    it.each([
      '/admin',
      '/admin/',
      '/admin/resources/Organization?filters.name=x&page=2',
      '/admin/api/resources/Organization/actions/list?perPage=500',
      '/admin/api/resources/User/records/00000000-0000-0000-0000-000000000000/show?x=1',
      '/admin/queues',
      '/admin/queues?status=failed',
      '/admin/queues/api/queues?activeQueue=pdf',
      `/admin/invoices/00000000-0000-0000-0000-000000000000/pdf?download=1`,
    ])('GET %s redirects to the login page', async (path) => {
      await request(server.baseUrl).get(path).expect(302).expect('Location', '/admin/login');
    });

    it('gets the login page, branded, and the prebuilt production bundles', async () => {
      const page = await request(server.baseUrl).get('/admin/login?next=%2Fadmin').expect(200);
      expect(page.text).toContain('partnerhub back-office');
      const bundle = await request(server.baseUrl).get('/admin/frontend/assets/app.bundle.js').expect(200);
      // The development bundle is several MB and unminified.
      expect(bundle.text.length).toBeLessThan(2_000_000);
      await request(server.baseUrl).get('/admin/frontend/assets/components.bundle.js').expect(200);
    });
  });

  describe('login', () => {
    it('sets an httpOnly, SameSite=Strict session cookie on /admin, stored in PostgreSQL', async () => {
      const response = await request(server.baseUrl)
        .post('/admin/login')
        .set('Origin', server.baseUrl)
        .type('form')
        .send({ email: world.staff.email.toUpperCase(), password: STAFF_PASSWORD })
        .expect(302)
        .expect('Location', '/admin/resources/Organization');
      const cookie = response.headers['set-cookie'][0];
      expect(cookie).toMatch(/^partnerhub_admin=/);
      expect(cookie).toMatch(/Path=\/admin/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toMatch(/Secure/); // plain http
      const sessions = await server.sql<{ staff_id: string }>(`select sess -> 'adminUser' ->> 'id' as staff_id from admin_session`);
      expect(sessions.map((session) => session.staff_id)).toContain(world.staff.id);
    });

    it('marks the cookie Secure behind an https proxy (ADMIN_COOKIE_SECURE=auto)', async () => {
      const response = await request(server.baseUrl)
        .post('/admin/login')
        .set('Origin', server.baseUrl)
        .set('X-Forwarded-Proto', 'https')
        .type('form')
        .send({ email: world.staff.email, password: STAFF_PASSWORD })
        .expect(302);
      expect(response.headers['set-cookie'][0]).toMatch(/; Secure/);
    });

    it('refuses partner credentials, which only work for the API', async () => {
      const response = await request(server.baseUrl)
        .post('/admin/login')
        .set('Origin', server.baseUrl)
        .type('form')
        .send({ email: world.partner.email, password: PARTNER_PASSWORD })
        .expect(401);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.text).toContain('invalidCredentials');
    });

    it('throttles wrong passwords like the API login, across the right password too', async () => {
      const email = uniqueEmail('throttled-staff');
      await server.cli('staff:create', '--email', email, '--password', STAFF_PASSWORD);
      const attempt = (password: string) =>
        request(server.baseUrl).post('/admin/login').set('Origin', server.baseUrl).set('X-Forwarded-For', '10.1.2.3').type('form').send({ email, password });
      for (let i = 0; i < 3; i += 1) await attempt('wrong-password-0').expect(401);
      const locked = await attempt(STAFF_PASSWORD).expect(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.text).toContain('tooManyRequests');
    });

    it('refuses a login form posted from another site (CSRF)', async () => {
      await request(server.baseUrl).post('/admin/login').type('form').send({ email: world.staff.email, password: STAFF_PASSWORD }).expect(403);
      await request(server.baseUrl)
        .post('/admin/login')
        .set('Origin', 'https://evil.example')
        .type('form')
        .send({ email: world.staff.email, password: STAFF_PASSWORD })
        .expect(403);
    });
  });

  describe("reading through AdminJS's API", () => {
    it('lists organizations with kind, partner link and the soft-deleted filter', async () => {
      const list = await staff.get('/admin/api/resources/Organization/actions/list').query({ 'filters.partner': world.partner.organizationId }).expect(200);
      expect(list.body.records).toEqual([
        expect.objectContaining({ id: world.customer.id, params: expect.objectContaining({ name: world.customer.name, kind: 'customer', deleted: false }) }),
      ]);
      await server.sql('update organization set deleted_at = now() where id = $1', [world.customer.id]);
      try {
        const deleted = await staff.get('/admin/api/resources/Organization/actions/list').query({ 'filters.deleted': 'true' }).expect(200);
        expect(deleted.body.records.map((record: { id: string }) => record.id)).toEqual([world.customer.id]);
        const live = await staff.get('/admin/api/resources/Organization/actions/list').query({ 'filters.deleted': 'false' }).expect(200);
        expect(live.body.records.map((record: { id: string }) => record.id)).not.toContain(world.customer.id);
      } finally {
        await server.sql('update organization set deleted_at = null where id = $1', [world.customer.id]);
      }
    });

    it('never shows, filters or sorts by a password hash', async () => {
      const users = await staff
        .get('/admin/api/resources/User/actions/list')
        .query({ 'filters.passwordHash': '$argon2id', sortBy: 'passwordHash' })
        .expect(200);
      expect(users.body.meta.total).toBeGreaterThan(0);
      for (const user of users.body.records) expect(Object.keys(user.params).filter((key) => /hash|token|secret/i.test(key))).toEqual([]);
      const staffUsers = await staff.get('/admin/api/resources/StaffUser/actions/list').expect(200);
      for (const user of staffUsers.body.records) expect(Object.keys(user.params)).not.toContain('passwordHash');
    });

    it('answers malformed ids and unknown resources without a server error', async () => {
      const missing = await staff.get(record('Organization', 'not-a-uuid', 'show')).expect(200);
      expect(missing.body.notice).toMatchObject({ type: 'error' });
      const filtered = await staff.get('/admin/api/resources/Invoice/actions/list').query({ 'filters.organization': 'nope', 'filters.issuedAt~~from': 'garbage' }).expect(200);
      expect(filtered.body.meta.total).toBe(0);
      await staff.get('/admin/api/resources/RefreshToken/actions/list').expect(404);
    });
  });

  describe('refused changes', () => {
    it.each([
      ['Invoice', 'edit', () => ({ number: '2099-000001', grossCents: '1' })],
      ['Invoice', 'delete', () => ({})],
      ['AuditLogEntry', 'delete', () => ({})],
      ['Subscription', 'edit', () => ({ status: 'cancelled' })],
    ])('%s %s through the API directly: refused, nothing changes', async (resource, action) => {
      const [target] = await server.sql<{ id: string }>(
        resource === 'Invoice' ? 'select id from invoice limit 1' : resource === 'Subscription' ? 'select id from subscription limit 1' : 'select id from audit_log_entry limit 1',
      );
      const before = await server.sql(`select * from ${resource === 'AuditLogEntry' ? 'audit_log_entry' : resource.toLowerCase()} where id = $1`, [target.id]);
      const response = await post(staff, record(resource, target.id, action)).field('number', '2099-000001').field('status', 'cancelled').expect(200);
      expect(response.body.notice).toMatchObject({ type: 'error' });
      const after = await server.sql(`select * from ${resource === 'AuditLogEntry' ? 'audit_log_entry' : resource.toLowerCase()} where id = $1`, [target.id]);
      expect(after).toEqual(before);
    });

    it('refuses creating invoices and bulk-deleting audit entries', async () => {
      const count = await auditCount();
      const created = await post(staff, '/admin/api/resources/Invoice/actions/new').field('number', '2099-000002').expect(200);
      expect(created.body.notice).toMatchObject({ type: 'error' });
      const [entry] = await server.sql<{ id: string }>('select id from audit_log_entry limit 1');
      const bulk = await post(staff, `/admin/api/resources/AuditLogEntry/bulk/bulkDelete?recordIds=${entry.id}`).expect(200);
      expect(bulk.body.notice).toMatchObject({ type: 'error' });
      expect(await server.sql('select id from invoice where number = $1', ['2099-000002'])).toEqual([]);
      expect(await auditCount()).toBe(count);
    });

    it('refuses changing an organization’s kind or partner link by editing it', async () => {
      const response = await post(staff, record('Organization', world.customer.id, 'edit'))
        .field('name', world.customer.name)
        .field('kind', 'partner')
        .field('partner', '')
        .expect(200);
      expect(response.body.notice).toMatchObject({ type: 'error' });
      expect(response.body.record.errors).toHaveProperty('kind');
      const [organization] = await server.sql<{ kind: string; partner_id: string }>('select kind, partner_id from organization where id = $1', [world.customer.id]);
      expect(organization).toEqual({ kind: 'customer', partner_id: world.partner.organizationId });
    });

    it('refuses a state-changing request from another origin, and an API call marked cross-site', async () => {
      await staff.post(record('Organization', world.customer.id, 'edit')).set('Origin', 'https://evil.example').field('name', 'Hijacked').expect(403);
      await staff.post(record('Organization', world.customer.id, 'edit')).field('name', 'Hijacked').expect(403);
      const mails = await server.sql('select id from mail_delivery');
      await staff.get(record('Invoice', world.invoice.id, 'resendMail')).set('Sec-Fetch-Site', 'cross-site').expect(403);
      expect(await server.sql('select id from mail_delivery')).toHaveLength(mails.length);
      const [organization] = await server.sql<{ name: string }>('select name from organization where id = $1', [world.customer.id]);
      expect(organization.name).toBe(world.customer.name);
    });
  });

  describe('changes, each through its service with an audit entry naming the staff member', () => {
    const staffEntries = (action: string) =>
      server.sql<{ actor_id: string; actor_email: string; organization_id: string | null; target_id: string | null; details: Record<string, unknown> | null }>(
        `select actor_id, actor_email, organization_id, target_id, details from audit_log_entry where actor_type = 'staff' and action = $1 order by created_at`,
        [action],
      );

    it('edits an organization’s name, address, language and VAT ID', async () => {
      const response = await post(staff, record('Organization', world.customer.id, 'edit'))
        .field('name', `${world.customer.name} KG`)
        .field('address.street', 'Neue Straße 2')
        .field('address.postalCode', '99085')
        .field('address.city', 'Erfurt')
        .field('address.country', 'DE')
        .field('locale', 'en')
        .field('vatId', 'de 123 456 789')
        .expect(200);
      expect(response.body.notice).toMatchObject({ type: 'success' });
      const [organization] = await server.sql<{ name: string; address_street: string; locale: string; vat_id: string }>(
        'select name, address_street, locale, vat_id from organization where id = $1',
        [world.customer.id],
      );
      expect(organization).toEqual({ name: `${world.customer.name} KG`, address_street: 'Neue Straße 2', locale: 'en', vat_id: 'DE123456789' });
      expect(await staffEntries('organization.update')).toEqual([
        expect.objectContaining({
          actor_id: world.staff.id,
          actor_email: world.staff.email,
          organization_id: world.customer.id,
          details: { changed: ['name', 'address', 'locale', 'vatId'] },
        }),
      ]);
    });

    it('makes a standalone organization a partner with its agreement, once; never a customer organization', async () => {
      const bearer = { Authorization: `Bearer ${world.partner.token}` };
      const standalone = await request(server.baseUrl)
        .post('/api/v1/organizations')
        .set(bearer)
        .send({ name: 'Solo GmbH', address: { street: 'Weg 1', postalCode: '10115', city: 'Berlin', country: 'DE' } })
        .expect(201);
      const made = await staff.get(record('Organization', standalone.body.id, 'makePartner')).expect(200);
      expect(made.body.notice).toMatchObject({ type: 'success' });
      const [organization] = await server.sql<{ kind: string }>('select kind from organization where id = $1', [standalone.body.id]);
      expect(organization.kind).toBe('partner');
      expect(await server.sql('select discount_percent from partner_agreement where partner_id = $1', [standalone.body.id])).toEqual([{ discount_percent: '0.00' }]);
      expect(await staffEntries('organization.make-partner')).toEqual([expect.objectContaining({ actor_id: world.staff.id, organization_id: standalone.body.id })]);

      const again = await staff.get(record('Organization', standalone.body.id, 'makePartner')).expect(200);
      expect(again.body.notice).toMatchObject({ type: 'error' });
      const customer = await staff.get(record('Organization', world.customer.id, 'makePartner')).expect(200);
      expect(customer.body.notice).toMatchObject({ type: 'error' });
      expect(await staffEntries('organization.make-partner')).toHaveLength(1);
    });

    it('sets partner conditions, validated, on the partner agreement', async () => {
      const [agreement] = await server.sql<{ id: string }>('select id from partner_agreement where partner_id = $1', [world.partner.organizationId]);
      const bad = await post(staff, record('PartnerAgreement', agreement.id, 'edit')).field('discountPercent', '150').field('priceOverrides.business', '100').expect(200);
      expect(bad.body.record.errors).toHaveProperty('discountPercent');
      const unknownCode = await post(staff, record('PartnerAgreement', agreement.id, 'edit')).field('discountPercent', '10').field('priceOverrides.nope', '100').expect(200);
      expect(unknownCode.body.record.errors).toHaveProperty(['priceOverrides.nope']);
      const good = await post(staff, record('PartnerAgreement', agreement.id, 'edit')).field('discountPercent', '12.5').field('priceOverrides.business', '15000').expect(200);
      expect(good.body.notice).toMatchObject({ type: 'success' });
      expect(await server.sql('select discount_percent, price_overrides from partner_agreement where id = $1', [agreement.id])).toEqual([
        { discount_percent: '12.50', price_overrides: { business: 15000 } },
      ]);
      expect(await staffEntries('partner-agreement.update')).toEqual([expect.objectContaining({ organization_id: world.partner.organizationId, target_id: agreement.id })]);
    });

    it('keeps the catalog: adds a plan, edits it, refuses changing its code or interval and deleting it', async () => {
      const created = await post(staff, '/admin/api/resources/Plan/actions/new')
        .field('code', 'staff-plan')
        .field('name', 'Staff plan')
        .field('licenses', '5')
        .field('listPriceCents', '1000')
        .field('interval', 'month')
        .field('active', 'true')
        .expect(200);
      expect(created.body.notice).toMatchObject({ type: 'success' });
      expect(created.body.record.params).toMatchObject({ code: 'staff-plan', active: true });
      const duplicate = await post(staff, '/admin/api/resources/Plan/actions/new').field('code', 'staff-plan').field('name', 'Again').field('licenses', '1').field('listPriceCents', '1').field('interval', 'month').expect(200);
      expect(duplicate.body.notice).toMatchObject({ type: 'error' });
      const interval = await post(staff, record('Plan', 'staff-plan', 'edit')).field('name', 'Staff plan').field('interval', 'year').expect(200);
      expect(interval.body.record.errors).toHaveProperty('interval');
      const edited = await post(staff, record('Plan', 'staff-plan', 'edit')).field('name', 'Staff plan 2').field('listPriceCents', '1200').field('active', 'false').expect(200);
      expect(edited.body.notice).toMatchObject({ type: 'success' });
      const removed = await post(staff, record('Plan', 'staff-plan', 'delete')).expect(200);
      expect(removed.body.notice).toMatchObject({ type: 'error' });
      expect(await server.sql('select name, list_price_cents, interval, active from plan where code = $1', ['staff-plan'])).toEqual([
        { name: 'Staff plan 2', list_price_cents: 1200, interval: 'month', active: false },
      ]);
      expect((await staffEntries('plan.create')).map((entry) => entry.details)).toEqual([{ code: 'staff-plan' }]);
      expect(await staffEntries('plan.update')).toHaveLength(1);
    });

    it('credits an invoice by line with a reason, audited; refuses more than is left, a credit note, and no reason', async () => {
      const bearer = { Authorization: `Bearer ${world.partner.token}` };
      const customer = await request(server.baseUrl)
        .post('/api/v1/organizations')
        .set(bearer)
        .send({ name: 'Korrektur KG', address: { street: 'Ring 1', postalCode: '99084', city: 'Erfurt', country: 'DE' }, partnerId: world.partner.organizationId })
        .expect(201);
      const order = await request(server.baseUrl)
        .post(`/api/v1/organizations/${customer.body.id}/subscription`)
        .set(bearer)
        .set('Idempotency-Key', randomUUID())
        .send({ planCode: 'business', addonCodes: ['hosts-10'], acceptPaymentObligation: true })
        .expect(201);
      const invoice = order.body.invoice as { id: string; number: string };
      const lines = await server.sql<{ position: number; total_cents: number }>('select position, total_cents from invoice_line where invoice_id = $1 order by position', [invoice.id]);
      expect(lines).toHaveLength(2);
      const creditNotes = () =>
        server.sql<{ id: string; number: string; net_cents: number; credit_reason: string | null; type: string }>(
          'select id, number, net_cents, credit_reason, type from invoice where corrects_invoice_id = $1 order by number',
          [invoice.id],
        );

      const noReason = await post(staff, record('Invoice', invoice.id, 'edit')).field('creditNoteReason', ' ').field('creditNotePositions', '2').expect(200);
      expect(noReason.body.record.errors).toHaveProperty('creditNoteReason');
      const unknownLine = await post(staff, record('Invoice', invoice.id, 'edit')).field('creditNoteReason', 'Wrong addon').field('creditNotePositions', '7').expect(200);
      expect(unknownLine.body.record.errors).toHaveProperty('creditNotePositions');
      expect(await creditNotes()).toEqual([]);

      const reason = 'Add-on doppelt gebucht & storniert';
      const byLine = await post(staff, record('Invoice', invoice.id, 'edit')).field('creditNoteReason', reason).field('creditNotePositions', '2').expect(200);
      expect(byLine.body.notice).toMatchObject({ type: 'success', message: expect.stringContaining(`Credit note issued for invoice ${invoice.number}`) });
      const [creditNote] = await creditNotes();
      expect(creditNote).toMatchObject({ type: 'credit_note', net_cents: -lines[1].total_cents, credit_reason: reason });
      expect(await staffEntries('invoice.credit')).toEqual([
        expect.objectContaining({
          actor_id: world.staff.id,
          organization_id: customer.body.id,
          target_id: invoice.id,
          details: expect.objectContaining({ number: invoice.number, creditNoteNumber: creditNote.number, reason, positions: [2], net: -lines[1].total_cents }),
        }),
      ]);
      // The credit note goes the invoice's way: rendered with the reason on it, then mailed.
      await eventually('the credit note PDF', async () => {
        const [row] = await server.sql<{ status: string }>('select status from invoice_document where invoice_id = $1', [creditNote.id]);
        return row?.status === 'rendered' ? true : undefined;
      });
      const pdf = await staff.get(`/admin/invoices/${creditNote.id}/pdf`).buffer(true).parse(binaryBody).expect(200);
      expect(extractPdfText(await decodedPdf(pdf.body as Buffer))).toContain(`Grund der Korrektur: ${reason}`);

      // Line 2 is credited already: the whole invoice is more than is left, line 1 alone is not.
      const tooMuch = await post(staff, record('Invoice', invoice.id, 'edit')).field('creditNoteReason', 'Everything').field('creditNotePositions', '').expect(200);
      expect(tooMuch.body.notice).toMatchObject({ type: 'error', message: expect.stringContaining('left to credit') });
      expect(await creditNotes()).toHaveLength(1);
      await post(staff, record('Invoice', invoice.id, 'edit')).field('creditNoteReason', 'Rest').field('creditNotePositions', '1').expect(200);
      expect((await creditNotes()).map((row) => row.net_cents).sort()).toEqual([-lines[0].total_cents, -lines[1].total_cents].sort());

      // Credit notes correct invoices, not each other.
      const ofCreditNote = await post(staff, record('Invoice', creditNote.id, 'edit')).field('creditNoteReason', 'x').expect(200);
      expect(ofCreditNote.body.record.baseError).toMatchObject({ type: 'ForbiddenError' });
      expect(await server.sql('select id from invoice where corrects_invoice_id = $1', [creditNote.id])).toEqual([]);
    });

    it('sends the invoice mail again with a dedupe key of its own, and serves the PDF', async () => {
      const response = await staff.get(record('Invoice', world.invoice.id, 'resendMail')).expect(200);
      expect(response.body.notice).toMatchObject({ type: 'success' });
      const keys = await server.sql<{ dedupe_key: string }>(`select dedupe_key from mail_delivery where template = 'invoice' and dedupe_key like $1 order by created_at`, [`invoice:${world.invoice.id}%`]);
      expect(keys.map((row) => row.dedupe_key)).toEqual([`invoice:${world.invoice.id}`, expect.stringMatching(new RegExp(`^invoice:${world.invoice.id}:resend:`))]);
      expect(await staffEntries('invoice.mail.resend')).toEqual([expect.objectContaining({ target_id: world.invoice.id, organization_id: world.customer.id })]);

      const pdf = await staff.get(`/admin/invoices/${world.invoice.id}/pdf`).buffer(true).parse(binaryBody);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(`attachment; filename="invoice-${world.invoice.number}.pdf"`);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('shows mail deliveries without their secrets, and retries a failed one now', async () => {
      const [delivery] = await server.sql<{ id: string }>(`select id from mail_delivery where dedupe_key = $1`, [`invoice:${world.invoice.id}`]);
      await server.sql(`update mail_delivery set status = 'failed', attempts = 11, last_error = 'connect ECONNREFUSED 127.0.0.1:25' where id = $1`, [delivery.id]);

      const list = await staff.get('/admin/api/resources/MailDelivery/actions/list').query({ 'filters.status': 'failed' }).expect(200);
      const listed = (list.body.records as { id: string; params: Record<string, unknown> }[]).find((item) => item.id === delivery.id);
      expect(listed?.params).toMatchObject({ status: 'failed', attempts: 11, lastError: 'connect ECONNREFUSED 127.0.0.1:25' });
      expect(JSON.stringify(list.body)).not.toMatch(/secretCiphertext|secret_ciphertext/);

      const retried = await staff.get(record('MailDelivery', delivery.id, 'retryNow')).expect(200);
      expect(retried.body.notice).toMatchObject({ type: 'success' });
      await eventually('the retried mail sent', async () => {
        const [row] = await server.sql<{ status: string; attempts: number }>('select status, attempts from mail_delivery where id = $1', [delivery.id]);
        return row.status === 'sent' ? row : undefined;
      });
      expect(await staffEntries('mail.retry')).toEqual([expect.objectContaining({ target_id: delivery.id, actor_id: world.staff.id })]);
      const again = await staff.get(record('MailDelivery', delivery.id, 'retryNow'));
      expect(again.status === 403 || again.body.notice?.type === 'error').toBe(true);
    });

    it('shows partners’ webhooks with their deliveries and API keys, read-only and without secrets or hashes', async () => {
      const [endpointId, deliveryId, keyId] = [randomUUID(), randomUUID(), randomUUID()];
      await server.sql(
        `insert into webhook_endpoint (id, organization_id, url, events, secret_ciphertext, created_by, failing_since)
         values ($1, $2, 'https://psa.example.com/hook', '{member.added}', 'v1.sealed-secret', 'partner@example.test', now())`,
        [endpointId, world.partner.organizationId],
      );
      await server.sql(
        `insert into webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, attempts, response_status, last_error)
         values ($1, $2, $3, 'member.added', '{"type":"member.added"}', 'pending', 2, 503, 'answered 503')`,
        [deliveryId, endpointId, randomUUID()],
      );
      await server.sql(
        `insert into api_key (id, organization_id, name, prefix, token_hash, scopes, created_by_email, expires_at)
         values ($1, $2, 'PSA sync', 'phk_abcdefgh', 'sha256-of-the-token', '{read}', 'partner@example.test', now() + interval '90 days')`,
        [keyId, world.partner.organizationId],
      );

      const webhooks = await staff.get('/admin/api/resources/WebhookEndpoint/actions/list').query({ 'filters.organization': world.partner.organizationId }).expect(200);
      expect(webhooks.body.records.map((item: { params: Record<string, unknown> }) => item.params)).toEqual([
        expect.objectContaining({ id: endpointId, url: 'https://psa.example.com/hook', 'events.0': 'member.added' }),
      ]);
      const deliveries = await staff.get('/admin/api/resources/WebhookDelivery/actions/list').query({ 'filters.endpoint': endpointId }).expect(200);
      expect(deliveries.body.records.map((item: { params: Record<string, unknown> }) => item.params)).toEqual([
        expect.objectContaining({ id: deliveryId, status: 'pending', attempts: 2, responseStatus: 503, lastError: 'answered 503' }),
      ]);
      const keys = await staff.get('/admin/api/resources/ApiKey/actions/list').query({ 'filters.organization': world.partner.organizationId }).expect(200);
      expect(keys.body.records.map((item: { params: Record<string, unknown> }) => item.params)).toEqual([expect.objectContaining({ id: keyId, name: 'PSA sync', prefix: 'phk_abcdefgh' })]);
      const shown = await staff.get(record('WebhookEndpoint', endpointId, 'show')).expect(200);
      expect(JSON.stringify([webhooks.body, shown.body, keys.body])).not.toMatch(/sealed-secret|secretCiphertext|sha256-of-the-token|tokenHash/);
      const deleted = await post(staff, record('WebhookEndpoint', endpointId, 'delete'));
      expect(deleted.status === 403 || deleted.body.notice?.type === 'error').toBe(true);
      expect((await server.sql('select id from webhook_endpoint where id = $1', [endpointId])).length).toBe(1);
    });

    it('sets a temporary password: mailed, required to change, old password and sessions gone', async () => {
      const member = uniqueEmail('member');
      const bearer = { Authorization: `Bearer ${world.partner.token}` };
      const added = await request(server.baseUrl)
        .post(`/api/v1/organizations/${world.customer.id}/members`)
        .set(bearer)
        .send({ email: member, role: 'admin', password: PARTNER_PASSWORD })
        .expect(201);
      const session = await request(server.baseUrl).post('/api/v1/auth/login').send({ email: member, password: PARTNER_PASSWORD }).expect(200);

      const response = await staff.get(record('User', added.body.userId, 'setTemporaryPassword')).expect(200);
      expect(response.body.notice).toMatchObject({ type: 'success' });
      expect(response.body.record.params.mustChangePassword).toBe(true);
      await request(server.baseUrl).post('/api/v1/auth/login').send({ email: member, password: PARTNER_PASSWORD }).expect(401);
      await request(server.baseUrl).post('/api/v1/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(401);
      expect(await server.sql(`select template from mail_delivery where recipient = $1 and template = 'temporary-password'`, [member])).toHaveLength(1);
      expect(await staffEntries('user.temporary-password')).toEqual([expect.objectContaining({ target_id: added.body.userId, organization_id: world.customer.id })]);
    });

    it('creates and deletes staff logins, but nobody deletes their own', async () => {
      const email = uniqueEmail('new-staff');
      const created = await post(staff, '/admin/api/resources/StaffUser/actions/new').field('email', email).field('password', 'another-staff-password').expect(200);
      expect(created.body.notice).toMatchObject({ type: 'success' });
      expect(created.body.record.params).not.toHaveProperty('password');
      const colleague = await staffAgent(server, email, 'another-staff-password');
      const own = await post(staff, record('StaffUser', world.staff.id, 'delete')).expect(200);
      expect(own.body.notice).toMatchObject({ type: 'error' });

      const [{ id }] = await server.sql<{ id: string }>('select id from staff_user where email = $1', [email]);
      const removed = await post(staff, record('StaffUser', id, 'delete')).expect(200);
      expect(removed.body.notice).toMatchObject({ type: 'success' });
      // The deleted login's session ends with it.
      await colleague.get('/admin/api/resources/Organization/actions/list').expect(302).expect('Location', '/admin/login');
      expect((await staffEntries('staff.create')).map((entry) => entry.details)).toContainEqual({ email });
      expect(await staffEntries('staff.delete')).toEqual([expect.objectContaining({ target_id: id })]);
    });
  });

  describe('queue dashboard', () => {
    it('shows the pdf, mail, billing, webhook and maintenance queues and retries a failed job; other operations are refused', async () => {
      await staff.get('/admin/queues').expect(200).expect('Content-Type', /html/);
      const queues = await staff.get('/admin/queues/api/queues').expect(200);
      expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['billing', 'mail', 'maintenance', 'pdf', 'webhook']);

      // A PDF job for an invoice that does not exist fails for good after its one attempt.
      const pdf = new Queue('pdf', server.redisUrl);
      try {
        const jobId = `admin-test-${randomUUID()}`;
        await pdf.add('invoice-pdf', { invoiceId: randomUUID() }, { jobId, attempts: 1 });
        await eventually('the job to fail', async () => ((await (await pdf.getJob(jobId))?.isFailed()) ? true : undefined));
        await staff.put(`/admin/queues/api/queues/pdf/${jobId}/retry`).set('Origin', server.baseUrl).expect(204);
        await eventually('the retried job to run and fail again', async () => {
          const job = await pdf.getJob(jobId);
          return job && (await job.isFailed()) && job.attemptsMade >= 2 ? true : undefined;
        });
        await staff.put('/admin/queues/api/queues/pdf/clean/failed').set('Origin', server.baseUrl).expect(403);
        await staff.put('/admin/queues/api/queues/pdf/empty').set('Origin', server.baseUrl).expect(403);
        expect(await pdf.getJob(jobId)).not.toBeNull();
        const entries = await server.sql<{ details: { path: string } }>(`select details from audit_log_entry where action = 'queue.operation' and actor_id = $1`, [world.staff.id]);
        expect(entries.map((entry) => entry.details.path)).toEqual([`/admin/queues/api/queues/pdf/${jobId}/retry`]);
      } finally {
        await pdf.close();
      }
    });
  });

  describe('session end', () => {
    it('an expired session is refused, and logout ends the session', async () => {
      const agent = await staffAgent(server, world.staff.email);
      await agent.get('/admin/api/resources/Plan/actions/list').expect(200);
      await server.sql(`update admin_session set expire = now() - interval '1 second' where sess -> 'adminUser' ->> 'id' = $1`, [world.staff.id]);
      await agent.get('/admin/api/resources/Plan/actions/list').expect(302).expect('Location', '/admin/login');
      expect(await staff.get('/admin/api/resources/Plan/actions/list').expect(302)).toBeTruthy();

      const fresh = await staffAgent(server, world.staff.email);
      const sessions = async () => Number((await server.sql<{ count: string }>('select count(*) from admin_session where expire > now()'))[0].count);
      const before = await sessions();
      await fresh.get('/admin/logout').expect(302).expect('Location', '/admin/login');
      expect(await sessions()).toBe(before - 1);
      await fresh.get('/admin/api/resources/Plan/actions/list').expect(302).expect('Location', '/admin/login');
    });
  });
});
