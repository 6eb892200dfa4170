import { buildInvoiceDocument } from './invoice-document';
import { formatMoney } from './money';
import { renderDocument, renderInvoicePdf } from './render';
import { countPdfPages, extractPdfText } from './testing/pdf-text';
import { sampleInvoice, sampleLogoPng } from './testing/sample-invoice';

describe('renderInvoicePdf', () => {
  const invoice = sampleInvoice(10);

  it('renders a compressed PDF by default', async () => {
    const pdf = await renderInvoicePdf(invoice);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(pdf.toString('latin1')).toContain('(Rechnung / Invoice 2025-000042)');
  });

  it('writes the number, the recipient, the customer and the totals as text', async () => {
    const text = extractPdfText(await renderInvoicePdf(invoice, { compress: false }));
    expect(text).toContain('Rechnung / Invoice 2025-000042');
    expect(text).toContain('Müller IT-Service GmbH');
    expect(text).toContain('Kunde / Customer: Bäckerei Schmitz KG');
    expect(text).toContain(`Rechnungsbetrag / Total due${formatMoney(invoice.grossCents)}`);
    expect(text).toContain('Page 1 of 1');
  });

  it('paginates a 200-line invoice with the table header and page numbers on every page', async () => {
    const large = sampleInvoice(200);
    const pdf = await renderInvoicePdf(large, { compress: false });
    const pages = countPdfPages(pdf);
    const text = extractPdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(text.split('Beschreibung / Description').length - 1).toBe(pages);
    expect(text).toContain(`Page ${pages} of ${pages}`);
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
