import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PASSWORD, createPartner } from './support/fixtures';
import { TestApp, createTestApp } from './support/test-app';
import { walkTheManual } from './typed-client/walk-the-manual';

const run = promisify(execFile);
const OPENAPI_TYPESCRIPT = join(__dirname, '..', 'node_modules', '.bin', 'openapi-typescript');
const GENERATED = join(__dirname, 'typed-client', 'openapi.d.ts');

/**
 * A partner integration's client, generated from the document the API serves: its types are
 * committed (test/typed-client/openapi.d.ts, `npm run openapi:client`), `npm run typecheck` checks the
 * walk against them, and here the walk runs against the real application over HTTP.
 */
describe('a client generated from /docs-json', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let dir: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    await testApp.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'partnerhub-client-'));
  });
  afterAll(async () => {
    await testApp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has its types generated from the document served now (run `npm run openapi:client` after changing the API)', async () => {
    const document = join(dir, 'openapi.json');
    writeFileSync(document, JSON.stringify((await testApp.http.get('/docs-json').expect(200)).body, null, 2));
    const generated = join(dir, 'openapi.d.ts');
    await run(OPENAPI_TYPESCRIPT, [document, '-o', generated, '--default-non-nullable', 'false']);
    expect(readFileSync(generated, 'utf8')).toBe(readFileSync(GENERATED, 'utf8'));
  });

  it('walks the manual typed end to end, without casts', async () => {
    const partner = await createPartner(testApp, 'Typed Partner');
    const walk = await walkTheManual(baseUrl, partner.organizationId, { email: partner.admin.email, password: PASSWORD });
    expect(walk).toEqual({
      customerId: expect.any(String),
      hostNames: ['srv-typed-01'],
      invoiceNumber: expect.stringMatching(/^\d{4}-\d{6}$/),
      invoicePdfBytes: expect.any(Number),
      hostsSeenWithKey: 1,
      webhookSecretPrefix: 'whsec_',
      overviewNames: ['Typed Kunde GmbH'],
    });
    expect(walk.invoicePdfBytes).toBeGreaterThan(1000);
  });
});
