import { partnerAddressOptions } from './support/address';
import { runCliIn } from './support/cli';
import { TestApp, createTestApp } from './support/test-app';
import { bearer, login, uniqueEmail } from './support/fixtures';

/**
 * The operator CLI, run in-process with the same argv parsing, application
 * context and output handling as `node dist/src/cli.js`, against the HTTP
 * test app's database.
 */
describe('operator CLI', () => {
  let testApp: TestApp;
  const password = 'a-long-cli-password';

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const cli = (...args: string[]) => runCliIn(testApp, ...args);
  const PARTNER_ADDRESS_OPTIONS = partnerAddressOptions();

  it('partner:create makes a partner whose admin can log in over HTTP', async () => {
    const email = uniqueEmail('cli-partner');
    const { exitCode, lines, result } = await cli(
      'partner:create',
      '--name',
      'Muster IT GmbH',
      '--email',
      email.toUpperCase(),
      '--password',
      password,
      '--street',
      'Hauptstraße 1',
      '--postal-code',
      '99084',
      '--city',
      'Erfurt',
      '--country',
      'de',
    );
    expect(exitCode).toBe(0);
    expect(lines).toHaveLength(1);
    expect(result).toEqual({ organizationId: expect.any(String), userId: expect.any(String) });

    const admin = await login(testApp, email, password);
    expect(admin.userId).toBe(result.userId);
    const organizations = await testApp.http.get('/api/v1/me/organizations').set(bearer(admin)).expect(200);
    expect(organizations.body.items).toEqual([
      expect.objectContaining({ id: result.organizationId, name: 'Muster IT GmbH', kind: 'partner', role: 'admin', viaPartner: false }),
    ]);
    expect(await testApp.sql('select address_street, address_postal_code, address_city, address_country from organization where id = ?', [result.organizationId])).toEqual([
      { address_street: 'Hauptstraße 1', address_postal_code: '99084', address_city: 'Erfurt', address_country: 'DE' },
    ]);
    // At list prices until staff set conditions in the back-office.
    expect(await testApp.sql('select discount_percent::float as discount from partner_agreement where partner_id = ?', [result.organizationId])).toEqual([{ discount: 0 }]);
  });

  it.each([
    [['--name', 'X', '--email', 'short@example.test', '--password', 'too-short', ...PARTNER_ADDRESS_OPTIONS], /--password must be at least 12 characters/],
    [['--name', 'X', '--email', 'not-an-email', '--password', password, ...PARTNER_ADDRESS_OPTIONS], /--email must be an e-mail address/],
    [['--name', '   ', '--email', 'blank@example.test', '--password', password, ...PARTNER_ADDRESS_OPTIONS], /--name must not be blank/],
    [
      ['--name', 'X', '--email', 'discount@example.test', '--password', password, '--discount', '150', ...PARTNER_ADDRESS_OPTIONS],
      /--discount must be between 0 and 100/,
    ],
    [['--name', 'X', '--email', 'discount@example.test', '--password', password, '--discount', 'ten', ...PARTNER_ADDRESS_OPTIONS], /--discount must be a number/],
    [['--name', 'X', '--password', password, ...PARTNER_ADDRESS_OPTIONS], /required option '--email <admin>' not specified/],
    [['--name', 'X', '--email', 'no-street@example.test', '--password', password], /required option '--street <street>' not specified/],
    [['--name', 'X', '--email', 'blank-city@example.test', '--password', password, ...PARTNER_ADDRESS_OPTIONS, '--city', ' '], /--city must not be blank/],
    [['--name', 'X', '--email', 'country@example.test', '--password', password, ...PARTNER_ADDRESS_OPTIONS, '--country', 'Germany'], /--country must be an ISO 3166-1 alpha-2 code/],
    [['--name', 'X', '--email', 'bogus@example.test', '--password', password, '--bogus', ...PARTNER_ADDRESS_OPTIONS], /unknown option '--bogus'/],
  ])('partner:create %j fails with a JSON error and creates nothing', async (args, message) => {
    const { exitCode, result } = await cli('partner:create', ...args);
    expect(exitCode).not.toBe(0);
    expect(result).toEqual({ error: expect.stringMatching(message) });
    const email = args[args.indexOf('--email') + 1];
    const users = await testApp.sql('select 1 from app_user where email = ?', [email]);
    expect(users).toHaveLength(0);
  });

  it('partner:create --discount stores the partner conditions that price its catalog', async () => {
    const email = uniqueEmail('cli-discount');
    const created = await cli('partner:create', '--name', 'Discounted', '--email', email, '--password', password, '--discount', '20', ...PARTNER_ADDRESS_OPTIONS);
    expect(created.result).toEqual({ organizationId: expect.any(String), userId: expect.any(String), discountPercent: 20 });
    const admin = await login(testApp, email, password);
    const catalog = await testApp.http.get(`/api/v1/organizations/${created.result.organizationId}/billing/catalog`).set(bearer(admin)).expect(200);
    expect(catalog.body.plans).toContainEqual(expect.objectContaining({ code: 'business', listPrice: 19900, price: 15920 }));
  });

  it('partner:create --vat-id stores the VAT ID in its printed form and refuses one of invalid format', async () => {
    const email = uniqueEmail('cli-vat');
    const created = await cli('partner:create', '--name', 'With VAT ID', '--email', email, '--password', password, '--vat-id', 'de 123 456 789', ...PARTNER_ADDRESS_OPTIONS);
    expect(created.exitCode).toBe(0);
    expect(await testApp.sql('select vat_id from organization where id = ?', [created.result.organizationId])).toEqual([{ vat_id: 'DE123456789' }]);

    const refusedEmail = uniqueEmail('cli-bad-vat');
    const refused = await cli('partner:create', '--name', 'Bad VAT ID', '--email', refusedEmail, '--password', password, '--vat-id', 'DE12345', ...PARTNER_ADDRESS_OPTIONS);
    expect(refused).toMatchObject({ exitCode: 1, result: { error: expect.stringMatching(/--vat-id must be a VAT ID with its country prefix/) } });
    expect(await testApp.sql('select 1 from app_user where email = ?', [refusedEmail])).toHaveLength(0);
  });

  it('partner:create refuses an e-mail that already has a login', async () => {
    const email = uniqueEmail('cli-twice');
    expect((await cli('partner:create', '--name', 'First', '--email', email, '--password', password, ...PARTNER_ADDRESS_OPTIONS)).exitCode).toBe(0);
    const second = await cli('partner:create', '--name', 'Second', '--email', email, '--password', password, ...PARTNER_ADDRESS_OPTIONS);
    expect(second.exitCode).toBe(1);
    expect(second.result.error).toMatch(/already exists/);
    const [{ count }] = await testApp.sql<{ count: string }>(`select count(*) from organization where name = 'Second'`);
    expect(count).toBe('0');
  });

  it('staff:create stores an argon2id hash and refuses a duplicate e-mail in any case', async () => {
    const email = uniqueEmail('staff');
    const created = await cli('staff:create', '--email', email, '--password', password);
    expect(created.exitCode).toBe(0);
    expect(created.result).toEqual({ staffId: expect.any(String) });
    const [row] = await testApp.sql<{ email: string; password_hash: string }>('select email, password_hash from staff_user where id = ?', [
      created.result.staffId,
    ]);
    expect(row.email).toBe(email);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);

    const duplicate = await cli('staff:create', '--email', email.toUpperCase(), '--password', password);
    expect(duplicate.exitCode).toBe(1);
    expect(duplicate.result.error).toMatch(/already exists/);
    expect((await cli('staff:create', '--email', uniqueEmail('staff'), '--password', 'short')).result.error).toMatch(/at least 12/);
  });

  it('demo:seed creates a demo partner with customers, logins, hosts and endpoints, and prints the same logins again', async () => {
    const first = await cli('demo:seed');
    expect(first.exitCode).toBe(0);
    const seeded = first.result as {
      created: boolean;
      partner: { organizationId: string; name: string };
      customers: { organizationId: string; hosts: number; endpoints: number; licenses: number }[];
      logins: { email: string; password: string; role: string; organizationId: string }[];
      nextSteps: string[];
      note: string;
    };
    expect(seeded.created).toBe(true);
    expect(seeded.partner.name).toBe('Demo Partner GmbH');
    expect(seeded.customers).toHaveLength(3);
    for (const customer of seeded.customers) {
      expect(customer.hosts).toBeGreaterThan(0);
      expect(customer.hosts).toBeLessThanOrEqual(customer.licenses);
      expect(customer.endpoints).toBeGreaterThan(0);
    }
    expect(seeded.logins).toHaveLength(8);
    expect(seeded.note).not.toMatch(/not available/i);
    expect(seeded.nextSteps).toEqual(
      expect.arrayContaining([expect.stringContaining('/api/v1/auth/login'), expect.stringContaining('/docs'), expect.stringContaining('staff:create')]),
    );

    const partnerAdmin = seeded.logins.find((entry) => entry.organizationId === seeded.partner.organizationId && entry.role === 'admin')!;
    const adminLogin = await login(testApp, partnerAdmin.email, partnerAdmin.password);
    const organizations = await testApp.http.get('/api/v1/me/organizations').set(bearer(adminLogin)).expect(200);
    expect(organizations.body.items).toHaveLength(4);

    // A partner that can be billed: its address, a separate billing address, a VAT ID and a direct debit mandate.
    const partnerId = seeded.partner.organizationId;
    expect(await testApp.sql('select address_street, address_city, vat_id from organization where id = ?', [partnerId])).toEqual([
      { address_street: expect.stringMatching(/\S/), address_city: expect.stringMatching(/\S/), vat_id: expect.stringMatching(/^DE\d{9}$/) },
    ]);
    const billingAddress = await testApp.http.get(`/api/v1/organizations/${partnerId}/billing-address`).set(bearer(adminLogin)).expect(200);
    expect(billingAddress.body).toMatchObject({
      differentBillingAddress: true,
      recipient: { name: expect.any(String), street: expect.any(String), postalCode: expect.any(String), city: expect.any(String), country: 'DE', email: expect.any(String) },
    });
    const paymentMethods = await testApp.http.get(`/api/v1/organizations/${partnerId}/payment-methods`).set(bearer(adminLogin)).expect(200);
    expect(paymentMethods.body.items).toEqual([expect.objectContaining({ type: 'sepa' })]);

    // Every customer is subscribed at the partner's conditions and has its first invoice, addressed to the partner.
    for (const { organizationId } of seeded.customers) {
      const subscription = await testApp.http.get(`/api/v1/organizations/${organizationId}/subscription`).set(bearer(adminLogin)).expect(200);
      expect(subscription.body).toMatchObject({ status: 'active', plan: { code: expect.any(String) } });
    }
    const customerInvoices = await testApp.http.get(`/api/v1/organizations/${partnerId}/customer-invoices`).set(bearer(adminLogin)).expect(200);
    expect(customerInvoices.body.items).toHaveLength(seeded.customers.length);
    const [{ recipient_street }] = await testApp.sql<{ recipient_street: string }>(
      `select recipient->>'street' as recipient_street from invoice where billing_owner_id = ? limit 1`,
      [partnerId],
    );
    expect(recipient_street).toBe(billingAddress.body.recipient.street);

    const customer = seeded.customers[0];
    const guest = seeded.logins.find((entry) => entry.organizationId === customer.organizationId && entry.role === 'guest')!;
    const guestLogin = await login(testApp, guest.email, guest.password);
    const hosts = await testApp.http.get(`/api/v1/organizations/${customer.organizationId}/hosts`).set(bearer(guestLogin)).expect(200);
    expect(hosts.body.items).toHaveLength(customer.hosts);
    await testApp.http
      .post(`/api/v1/organizations/${customer.organizationId}/hosts`)
      .set(bearer(guestLogin))
      .send({ name: 'x' })
      .expect(403);

    const second = await cli('demo:seed');
    expect(second.exitCode).toBe(0);
    expect(second.result).toEqual({ ...seeded, created: false });
  });

  it('answers an unknown or missing command with a JSON error', async () => {
    expect(await cli('nope')).toMatchObject({ exitCode: 1, result: { error: "unknown command 'nope'" } });
    expect(await cli()).toMatchObject({ exitCode: 1, result: { error: expect.stringMatching(/command/) } });
  });
});
