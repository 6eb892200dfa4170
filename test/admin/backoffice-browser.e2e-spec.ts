import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { AdminServer, startAdminServer } from './support/admin-server';
import { BackofficeWorld, STAFF_PASSWORD, createWorld } from './support/backoffice-world';

// Debian's Chromium (.ci/run installs it); playwright-core never downloads a browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'admin');

describe('back-office in a browser', () => {
  let server: AdminServer;
  let world: BackofficeWorld;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    [server, browser] = await Promise.all([
      startAdminServer(),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      }),
    ]);
    world = await createWorld(server);
  }, 120_000); // may include building dist/
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('staff logs in, finds a customer organization, opens its invoice and downloads the PDF', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } });
    // AdminJS links Google Fonts; the test machine may be offline.
    await context.route('https://fonts.googleapis.com/**', (route) => route.abort());
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
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'failure.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
