import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { findChromium } from '../support/chromium';
import { AdminServer, startAdminServer } from './support/admin-server';
import { BackofficeWorld, STAFF_PASSWORD, createWorld } from './support/backoffice-world';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'admin');

describe('back-office in a browser', () => {
  let server: AdminServer;
  let world: BackofficeWorld;
  let browser: Browser;

  beforeAll(async () => {
    // playwright-core never downloads a browser: findChromium names the one to launch.
    [server, browser] = await Promise.all([startAdminServer(), findChromium().then((binary) => chromium.launch(binary))]);
    world = await createWorld(server);
  }, 120_000); // may include building dist/
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('staff logs in, finds a customer organization, opens its invoice, downloads the PDF and credits the invoice', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } });
    // Nothing may leave the machine from a staff browser (AdminJS and Bull Board link Google Fonts upstream).
    const elsewhere: string[] = [];
    const localFonts: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== server.baseUrl && !['data:', 'blob:'].includes(url.protocol)) elsewhere.push(request.url());
      if (url.pathname.includes('/local-fonts/')) localFonts.push(url.pathname);
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${server.baseUrl}/admin/resources/Invoice?filters.number=${world.invoice.number}`);
      expect(new URL(page.url()).pathname).toBe('/admin/login');

      await page.fill('input[name=email]', world.staff.email);
      await page.fill('input[name=password]', STAFF_PASSWORD);
      await page.locator('form button').click();
      await page.waitForURL('**/admin/resources/Organization');

      await page.getByText(world.customer.name, { exact: true }).click();
      await page.waitForURL(/\/admin\/resources\/Organization\/records\/[^/]+\/show/);
      await page.getByRole('link', { name: 'Invoices', exact: true }).click();
      await page.getByText(world.invoice.number, { exact: true }).click();
      await page.waitForURL(/\/admin\/resources\/Invoice\/records\/[^/]+\/show/);

      // The action (an AdminJS action button, rendered as a link) says whether the PDF is ready; the file itself is behind the link on the invoice.
      await page.getByRole('link', { name: 'Download PDF', exact: true }).click();
      await page.getByText('The PDF is ready').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download PDF \(/ }).click()]);
      expect(download.suggestedFilename()).toBe(`invoice-${world.invoice.number}.pdf`);
      expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'invoice.png'), fullPage: true });

      // "Credit this invoice": the reason and the lines (empty: all), then the credit note exists.
      await page.getByRole('link', { name: 'Credit this invoice', exact: true }).click();
      await page.waitForURL(/\/admin\/resources\/Invoice\/records\/[^/]+\/edit/);
      await page.locator('textarea[name=creditNoteReason]').fill('Leistung nicht erbracht');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText(`Credit note issued for invoice ${world.invoice.number}`).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'credited.png'), fullPage: true });
      const credited = await server.sql<{ credit_reason: string; gross_cents: number }>('select credit_reason, gross_cents from invoice where corrects_invoice_id = $1', [world.invoice.id]);
      expect(credited).toEqual([{ credit_reason: 'Leistung nicht erbracht', gross_cents: expect.any(Number) }]);
      expect(credited[0].gross_cents).toBeLessThan(0);

      await page.goto(`${server.baseUrl}/admin/queues`);
      await page.getByText('pdf', { exact: true }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(elsewhere).toEqual([]);
      expect(localFonts).toEqual(expect.arrayContaining(['/admin/frontend/assets/local-fonts/roboto.css', '/admin/frontend/assets/local-fonts/Roboto-Regular.ttf']));
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'failure.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
