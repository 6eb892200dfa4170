import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { DEFAULT_LOGO_PNG } from '../libs/branding/default-logo';
import { SVG, gif, jpeg, jpegWithExif, png, pngDeclaring, pngOfAtLeast, polyglotPng, truncatedPng } from '../libs/branding/testing/crafted-images';
import { Login, addMember, address, bearer, createCustomer, createPartner } from './support/fixtures';
import { binaryBody } from './support/http';
import { TestApp, createTestApp } from './support/test-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
describe('whitelabel: logos and branding', () => {
  let testApp: TestApp;
  let partner: { organizationId: string; admin: Login };
  let customer: { id: string; name: string };
  let partnerName: string;

  const logoUrl = (orgId: string) => `/api/v1/organizations/${orgId}/logo`;
  const upload = (orgId: string, file: Buffer, filename = 'logo.png', contentType = 'image/png', as: Login = partner.admin) =>
    testApp.http.put(logoUrl(orgId)).set(bearer(as)).attach('file', file, { filename, contentType });
  const branding = async (orgId: string, as: Login = partner.admin) =>
    (await testApp.http.get(`/api/v1/organizations/${orgId}/branding`).set(bearer(as)).expect(200)).body;
  const effectiveLogo = (orgId: string, as: Login = partner.admin) =>
    testApp.http.get(`/api/v1/organizations/${orgId}/branding/logo`).set(bearer(as)).buffer(true).parse(binaryBody).expect(200);

  beforeAll(async () => {
    testApp = await createTestApp({ VENDOR_NAME: 'Sentinel Platform GmbH' });
    partnerName = 'Muster IT GmbH';
    partner = await createPartner(testApp, partnerName);
    customer = await createCustomer(testApp, partner.admin, partner.organizationId, 'Bäckerei Schmidt');
  });
  afterAll(() => testApp.close());

  it('stores an uploaded PNG re-encoded and serves it with ETag, revalidation and caching headers', async () => {
    const uploaded = await upload(customer.id, await png(400, 300)).expect(200);
    expect(uploaded.body).toEqual({ contentType: 'image/png', width: 400, height: 300, size: expect.any(Number) });

    const served = await testApp.http.get(logoUrl(customer.id)).set(bearer(partner.admin)).buffer(true).parse(binaryBody).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('private, no-cache');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers.etag).toBe(`"${sha256(served.body as Buffer)}"`);
    expect((served.body as Buffer).length).toBe(uploaded.body.size);
    expect(await sharp(served.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 400, height: 300 });

    await testApp.http.get(logoUrl(customer.id)).set(bearer(partner.admin)).set('If-None-Match', served.headers.etag).expect(304);
  });

  it('accepts a JPEG whose name and declared type say otherwise, and strips its EXIF', async () => {
    const uploaded = await upload(customer.id, await jpegWithExif(320, 200), 'logo.gif', 'image/gif').expect(200);
    expect(uploaded.body).toMatchObject({ contentType: 'image/jpeg', width: 320, height: 200 });
    const served = await testApp.http.get(logoUrl(customer.id)).set(bearer(partner.admin)).buffer(true).parse(binaryBody).expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect((served.body as Buffer).includes('LeakyCam')).toBe(false);
    expect((await sharp(served.body as Buffer).metadata()).exif).toBeUndefined();
  });

  it('keeps only the image of a polyglot file', async () => {
    await upload(customer.id, await polyglotPng()).expect(200);
    const served = await testApp.http.get(logoUrl(customer.id)).set(bearer(partner.admin)).buffer(true).parse(binaryBody).expect(200);
    expect((served.body as Buffer).includes('<script>')).toBe(false);
  });

  it.each([
    ['an SVG declared as PNG', async () => SVG, 415, 'unsupported-image-type'],
    ['a GIF', () => gif(), 415, 'unsupported-image-type'],
    ['a text file named logo.png', async () => Buffer.from('hello, I am a PNG'), 415, 'unsupported-image-type'],
    ['an image of 149 px height', () => png(400, 149), 400, 'logo-too-small'],
    ['a truncated PNG', () => truncatedPng(), 400, 'invalid-image'],
    ['a PNG declaring 60 000 × 60 000 px (decompression bomb)', () => pngDeclaring(60_000, 60_000), 400, 'image-too-large'],
    ['an empty file', async () => Buffer.alloc(0), 400, 'empty-file'],
    ['a PNG over 1 MB', () => pngOfAtLeast(1024 * 1024 + 1), 413, 'logo-too-large'],
  ])('refuses %s and changes nothing', async (_name, file, status, slug) => {
    const before = await testApp.http.get(logoUrl(customer.id)).set(bearer(partner.admin)).expect(200);
    const response = await upload(customer.id, await file()).expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.type).toBe(`https://partnerhub.dev/problems/${slug}`);
    const after = await testApp.http.get(logoUrl(customer.id)).set(bearer(partner.admin)).expect(200);
    expect(after.headers.etag).toBe(before.headers.etag);
  });

  it('refuses uploads in the wrong shape', async () => {
    const file = await png();
    const wrongField = await testApp.http.put(logoUrl(customer.id)).set(bearer(partner.admin)).attach('logo', file, 'logo.png').expect(400);
    expect(wrongField.body).toMatchObject({ type: 'https://partnerhub.dev/problems/unexpected-field', detail: expect.stringContaining('"file"') });

    const twoFiles = await testApp.http.put(logoUrl(customer.id)).set(bearer(partner.admin)).attach('file', file, 'a.png').attach('file', file, 'b.png').expect(400);
    expect(twoFiles.body.type).toBe('https://partnerhub.dev/problems/unexpected-field');

    const extraField = await testApp.http.put(logoUrl(customer.id)).set(bearer(partner.admin)).field('name', 'x').attach('file', file, 'a.png').expect(400);
    expect(extraField.body.type).toBe('https://partnerhub.dev/problems/unexpected-field');

    const json = await testApp.http.put(logoUrl(customer.id)).set(bearer(partner.admin)).send({ file: file.toString('base64') }).expect(415);
    expect(json.body.type).toBe('https://partnerhub.dev/problems/multipart-required');

    const noFile = await testApp.http.put(logoUrl(customer.id)).set(bearer(partner.admin)).field('file', 'text, not a file').expect(400);
    expect(noFile.body.status).toBe(400);

    const broken = await testApp.http
      .put(logoUrl(customer.id))
      .set(bearer(partner.admin))
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nunterminated')
      .expect(400);
    expect(broken.body.type).toBe('https://partnerhub.dev/problems/malformed-multipart');
  });

  it('counts the bytes it receives: a chunked upload without Content-Length stops at 1 MB with 413', async () => {
    const server = testApp.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const big = await pngOfAtLeast(2 * 1024 * 1024);
    const boundary = 'partnerhub-test-boundary';
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: logoUrl(customer.id),
          headers: { ...bearer(partner.admin), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      // The server may answer and close before everything is written.
      request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`);
      for (let offset = 0; offset < big.length; offset += 64 * 1024) request.write(big.subarray(offset, offset + 64 * 1024));
      request.end(`\r\n--${boundary}--\r\n`);
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body).type).toBe('https://partnerhub.dev/problems/logo-too-large');
  });

  it('refuses a declared Content-Length over the limit without buffering the body', async () => {
    const response = await upload(customer.id, await pngOfAtLeast(1100 * 1024)).expect(413);
    expect(response.body.type).toBe('https://partnerhub.dev/problems/logo-too-large');
  });

  describe('as a Node fetch client sees it (sends the whole body, then reads the answer)', () => {
    const baseUrl = async () => {
      const server = testApp.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    const fetchUpload = async (orgId: string, file: Buffer, headers: Record<string, string> = bearer(partner.admin)) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)], { type: 'image/png' }), 'logo.png');
      const response = await fetch(`${await baseUrl()}${logoUrl(orgId)}`, { method: 'PUT', headers, body: form });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    it.each([
      ['just over the limit', 1100 * 1024],
      ['three times the limit', 3 * 1024 * 1024],
    ])('reads the 413 for a logo %s, with the request path as instance', async (_case, size) => {
      const answer = await fetchUpload(customer.id, await pngOfAtLeast(size));
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ type: 'https://partnerhub.dev/problems/logo-too-large', instance: logoUrl(customer.id) });
    });

    it('checks the token before the body: an anonymous or forged upload gets a readable 401, whatever it sends', async () => {
      // Too large, or not multipart at all: multer never sees it, so neither 413 nor 400 comes back.
      for (const file of [await pngOfAtLeast(900 * 1024), await pngOfAtLeast(1100 * 1024)]) {
        for (const headers of [{}, { Authorization: 'Bearer not.a.token' }] as Record<string, string>[]) {
          const answer = await fetchUpload(customer.id, file, headers);
          expect(answer.status).toBe(401);
          expect(answer.body).toMatchObject({ instance: logoUrl(customer.id) });
        }
      }
      const malformed = await testApp.http
        .put(logoUrl(customer.id))
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nunterminated');
      expect(malformed.status).toBe(401);
    });
  });

  it('refuses a logo whose short side would end below 150 px when scaled (150 × 5000)', async () => {
    const refused = await upload(customer.id, await png(150, 5000)).expect(400);
    expect(refused.body.type).toBe('https://partnerhub.dev/problems/logo-too-small');
  });

  it('resolves branding in one order: own logo, else the partner’s, else the platform default', async () => {
    const standalone = await testApp.http.post('/api/v1/organizations').set(bearer(partner.admin)).send({ name: 'Solo GmbH', address: address() }).expect(201);

    await testApp.http.delete(logoUrl(customer.id)).set(bearer(partner.admin)).expect(204);
    await testApp.http.delete(logoUrl(customer.id)).set(bearer(partner.admin)).expect(404);
    await testApp.http.get(logoUrl(customer.id)).set(bearer(partner.admin)).expect(404);

    // Nothing uploaded: the platform default, in the vendor's name.
    expect(await branding(customer.id)).toEqual({ logo: { source: 'default', contentType: 'image/png', width: 520, height: 160 }, name: 'Sentinel Platform GmbH' });
    expect((await effectiveLogo(customer.id)).body).toEqual(DEFAULT_LOGO_PNG);

    // The partner's logo reaches its customer (also a customer login, which cannot open the partner organization).
    const partnerLogo = await upload(partner.organizationId, await jpeg(600, 200)).expect(200);
    const customerGuest = await addMember(testApp, partner.admin, customer.id, 'guest', 'customer-guest');
    expect(await branding(customer.id, customerGuest)).toEqual({ logo: { source: 'partner', contentType: 'image/jpeg', width: 600, height: 200 }, name: partnerName });
    await testApp.http.get(logoUrl(partner.organizationId)).set(bearer(customerGuest)).expect(404);
    const viaCustomer = await effectiveLogo(customer.id, customerGuest);
    const partnerServed = await testApp.http.get(logoUrl(partner.organizationId)).set(bearer(partner.admin)).expect(200);
    expect(viaCustomer.headers.etag).toBe(partnerServed.headers.etag);
    expect((viaCustomer.body as Buffer).length).toBe(partnerLogo.body.size);

    // The customer's own logo wins on its reports; the partner keeps its own.
    await upload(customer.id, await png(300, 300)).expect(200);
    expect(await branding(customer.id)).toMatchObject({ logo: { source: 'own', contentType: 'image/png' }, name: 'Bäckerei Schmidt' });
    expect(await branding(partner.organizationId)).toMatchObject({ logo: { source: 'own', contentType: 'image/jpeg' }, name: partnerName });

    // A standalone organization never falls back to anybody's logo but the platform's.
    expect(await branding(standalone.body.id)).toMatchObject({ logo: { source: 'default' } });

    // The customer's logo goes away with the customer organization.
    await testApp.http.delete(`/api/v1/organizations/${customer.id}`).set(bearer(partner.admin)).expect(204);
    const [{ count }] = await testApp.sql<{ count: number }>('select count(*)::int as count from organization_logo where organization_id = ?', [customer.id]);
    expect(count).toBe(0);
  });
});

describe('support settings and the support contact', () => {
  let testApp: TestApp;
  let partner: { organizationId: string; admin: Login };
  let customer: { id: string };
  let customerAdmin: Login;

  const settingsUrl = (orgId: string) => `/api/v1/organizations/${orgId}/support-settings`;
  const contact = async (orgId: string, as: Login) => (await testApp.http.get(`/api/v1/organizations/${orgId}/support-contact`).set(bearer(as)).expect(200)).body;
  const SETTINGS = { company: 'Muster IT GmbH', email: 'support@muster-it.example', phone: '+49 30 1234567', website: 'https://muster-it.example/hilfe', hours: 'Mo–Fr 8–18 Uhr' };
  const VENDOR = { source: 'vendor', company: 'Sentinel Platform GmbH', email: 'help@sentinel.example', phone: '+49 89 999', website: 'https://sentinel.example/support', hours: null };

  beforeAll(async () => {
    testApp = await createTestApp({
      VENDOR_NAME: 'Sentinel Platform GmbH',
      VENDOR_SUPPORT_EMAIL: 'help@sentinel.example',
      VENDOR_SUPPORT_PHONE: '+49 89 999',
      VENDOR_SUPPORT_WEBSITE: 'https://sentinel.example/support',
    });
    partner = await createPartner(testApp, 'Muster IT GmbH');
    customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    customerAdmin = await addMember(testApp, partner.admin, customer.id, 'admin', 'customer-admin');
  });
  afterAll(() => testApp.close());

  it('shows the vendor until the partner saves its settings, then the partner to its customers only', async () => {
    expect(await contact(customer.id, customerAdmin)).toEqual(VENDOR);
    expect((await testApp.http.get(settingsUrl(partner.organizationId)).set(bearer(partner.admin)).expect(200)).body).toEqual({
      configured: false, company: null, email: null, phone: null, website: null, hours: null,
    });

    const saved = await testApp.http.put(settingsUrl(partner.organizationId)).set(bearer(partner.admin)).send({ ...SETTINGS, company: '  Muster IT GmbH ' }).expect(200);
    expect(saved.body).toEqual({ configured: true, ...SETTINGS });

    expect(await contact(customer.id, customerAdmin)).toEqual({ source: 'partner', ...SETTINGS });
    expect(await contact(partner.organizationId, partner.admin)).toEqual(VENDOR);

    // Omitted optional fields are cleared.
    await testApp.http.put(settingsUrl(partner.organizationId)).set(bearer(partner.admin)).send({ company: 'Muster IT', email: 'hilfe@muster-it.example', phone: '030 / 123 45-6' }).expect(200);
    expect(await contact(customer.id, customerAdmin)).toEqual({ source: 'partner', company: 'Muster IT', email: 'hilfe@muster-it.example', phone: '030 / 123 45-6', website: null, hours: null });
  });

  it('keeps support settings to partner organizations', async () => {
    await testApp.http.put(settingsUrl(customer.id)).set(bearer(partner.admin)).send(SETTINGS).expect(403);
    await testApp.http.get(settingsUrl(customer.id)).set(bearer(customerAdmin)).expect(403);
  });

  it.each([
    ['email', { email: 'not-an-address' }],
    ['phone', { phone: 'call me maybe' }],
    ['phone', { phone: '12' }],
    ['website', { website: 'javascript:alert(1)' }],
    ['website', { website: 'muster-it.example' }],
    ['company', { company: '   ' }],
    ['unknown', { fax: '+49 30 1' }],
  ])('refuses an invalid %s with 400 and the field named', async (field, change) => {
    const response = await testApp.http.put(settingsUrl(partner.organizationId)).set(bearer(partner.admin)).send({ ...SETTINGS, ...change }).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (field !== 'unknown') expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
