import sharp from 'sharp';
import { buildInvoiceDocument } from './invoice-document';
import { formatMoney } from './money';
import { renderDocument, renderInventoryReportPdf, renderInvoicePdf } from './render';
import { countPdfPages, extractPdfText, extractPdfTextRuns } from './testing/pdf-text';
import { sampleHostName, sampleHosts, sampleInventory } from './testing/sample-inventory';
import { sampleInvoice, sampleLogoPng } from './testing/sample-invoice';

describe('renderInvoicePdf', () => {
  const invoice = sampleInvoice(10);

  it('renders a compressed PDF by default', async () => {
    const pdf = await renderInvoicePdf(invoice);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(pdf.toString('latin1')).toContain('(Rechnung 2025-000042)');
  });

  it('writes the number, the recipient, the customer and the totals as text', async () => {
    const text = extractPdfText(await renderInvoicePdf(invoice, { compress: false }));
    expect(text).toContain('Rechnung 2025-000042');
    expect(text).toContain('Müller IT-Service GmbH');
    expect(text).toContain('Kunde: Bäckerei Schmitz KG');
    expect(text).toContain(`Rechnungsbetrag${formatMoney(invoice.grossCents)}`);
    expect(text).toContain('Seite 1 von 1');
  });

  it('paginates a 200-line invoice with the table header and page numbers on every page', async () => {
    const large = sampleInvoice(200);
    const pdf = await renderInvoicePdf(large, { compress: false });
    const pages = countPdfPages(pdf);
    const text = extractPdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(text.split('Beschreibung').length - 1).toBe(pages);
    expect(text).toContain(`Seite ${pages} von ${pages}`);
    expect(text).toContain(`200${large.lines[199].description}`);
    expect(text).toContain(formatMoney(large.grossCents));
  });

  it('embeds the logo as an image', async () => {
    expect((await renderInvoicePdf(invoice)).toString('latin1')).not.toContain('/Subtype /Image');
    const pdf = await renderInvoicePdf({ ...invoice, logo: sampleLogoPng() });
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('gives the same bytes for the same invoice', async () => {
    const [first, second] = [await renderInvoicePdf(invoice), await renderInvoicePdf(invoice)];
    expect(first.equals(second)).toBe(true);
  });

  it('fails on an unsupported logo instead of rendering without it', async () => {
    await expect(renderInvoicePdf({ ...invoice, logo: Buffer.from('GIF89a') })).rejects.toThrow('PNG or JPEG');
  });
});

describe('renderInventoryReportPdf', () => {
  const logo = sharp({ create: { width: 200, height: 200, channels: 3, background: '#0a0' } });

  it('writes the organization, the licence usage, every host and the page numbers as text', async () => {
    const report = sampleInventory(12, { logo: await logo.clone().png().toBuffer() });
    const text = extractPdfText(await renderInventoryReportPdf(report, { compress: false }));
    expect(text).toContain('Bäckerei Schmitz KG');
    expect(text).toContain('12 von 50 belegt');
    for (const host of report.hosts) expect(text).toContain(host.name);
    expect(text).toContain('Endpunkte (3)');
    expect(text).toContain('Seite 1 von 1');
  });

  it('embeds a PNG or JPEG logo as an image', async () => {
    const withoutLogo = await renderInventoryReportPdf(sampleInventory(3, { logo: null }));
    expect(withoutLogo.toString('latin1')).not.toContain('/Subtype /Image');
    const png = await renderInventoryReportPdf(sampleInventory(3, { logo: await logo.clone().png().toBuffer() }));
    expect(png.toString('latin1')).toContain('/Subtype /Image');
    const jpeg = await renderInventoryReportPdf(sampleInventory(3, { logo: await logo.clone().jpeg().toBuffer() }));
    expect(jpeg.toString('latin1')).toMatch(/\/Subtype \/Image[^]*\/Filter \/DCTDecode|\/Filter \/DCTDecode[^]*\/Subtype \/Image/);
  });

  it('paginates 1 000 hosts with the table header and page numbers on every page', async () => {
    const report = sampleInventory(1000);
    const pdf = await renderInventoryReportPdf(report, { compress: false });
    const pages = countPdfPages(pdf);
    const text = extractPdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(30);
    const tableHeads = text.split('Hosts (1.000)').length - 1 + text.split('Endpunkte (250)').length - 1;
    // every page starts a table or continues one with its header; one page may hold the end of the first and the start of the second
    expect(tableHeads).toBeGreaterThanOrEqual(pages);
    expect(tableHeads).toBeLessThanOrEqual(pages + 1);
    const missing = report.hosts.filter((host) => !text.includes(host.name));
    expect(missing).toEqual([]);
    expect(text).toContain(`Seite ${pages} von ${pages}`);
  });

  it('wraps a long host name inside its column', async () => {
    const long = 'x'.repeat(160);
    const hosts = [...sampleHosts(2), { name: long, os: 'Debian 12 (bookworm)', createdAt: new Date('2025-01-01T00:00:00Z') }];
    const runs = extractPdfTextRuns(await renderInventoryReportPdf(sampleInventory(3, { hosts }), { compress: false }));
    const nameRuns = runs.filter((run) => /^x+$/.test(run.text));
    expect(nameRuns.map((run) => run.text).join('')).toBe(long);
    expect(new Set(nameRuns.map((run) => run.y)).size).toBeGreaterThanOrEqual(2);
    const nameColumn = runs.find((run) => run.text.startsWith(sampleHostName(0).slice(0, 8)))!.x;
    expect(new Set(nameRuns.map((run) => run.x))).toEqual(new Set([nameColumn]));
    // The table kept its width: every column still starts inside the right page margin (A4, 56 pt).
    expect(runs.filter((run) => run.x > 595.28 - 56)).toEqual([]);
  });

  it('gives the same bytes for the same report', async () => {
    const report = sampleInventory(40);
    const [first, second] = [await renderInventoryReportPdf(report), await renderInventoryReportPdf(report)];
    expect(first.equals(second)).toBe(true);
  });
});

describe('renderDocument', () => {
  it('fetches nothing over the network', async () => {
    const definition = { content: [{ image: 'remote' }], images: { remote: 'https://example.com/logo.png' } };
    await expect(renderDocument(definition)).rejects.toThrow('Access to URL denied');
  });

  it('reads no local file outside the fonts folder', async () => {
    const definition = { content: [{ image: 'local' }], images: { local: __filename } };
    await expect(renderDocument(definition)).rejects.toThrow('Access to local file denied');
  });

  it('does not change the definition it is given', async () => {
    const definition = buildInvoiceDocument(sampleInvoice(1));
    await renderDocument(definition, { compress: false });
    expect(definition.compress).toBeUndefined();
  });
});
