import { renderInvoicePdf } from '../pdf';
import type { InvoiceDocumentData } from '../pdf/invoice-data';
import { sampleInvoice } from '../pdf/testing/sample-invoice';
import { embedFacturX, renderXRechnung } from '.';
import { embeddedFiles, outputIntents, xmpMetadata } from './testing/pdf-attachments';
import { businessRuleViolations, schemaErrors } from './testing/validate-e-invoice';

const SELLER = sampleInvoice(1).seller;
const GERMAN_PARTNER = sampleInvoice(1).recipient;
const AUSTRIAN_PARTNER = { name: 'Alpen IT GmbH', street: 'Mariahilfer Straße 1', postalCode: '1060', city: 'Wien', country: 'AT', email: 'rechnung@alpen-it.example', vatId: 'ATU12345678' };
const SWISS_PARTNER = { name: 'Berg Informatik AG', street: 'Bahnhofstrasse 10', postalCode: '8001', city: 'Zürich', country: 'CH', email: 'buchhaltung@berg.example', vatId: 'CHE-123.456.789 MWST' };
const MANDATE = { method: 'sepa-direct-debit', mandateReference: 'PH0193A4C2E1B87D4F6A9C3E2B1D0F7A58', creditorId: 'DE98ZZZ09999999999', account: 'DE89 •••• •••• •••• •••• 3000' } as const;

/** An invoice of three lines to `recipient`, taxed as the billing run would tax it. */
function invoiceTo(recipient: InvoiceDocumentData['recipient'], overrides: Partial<InvoiceDocumentData> = {}): InvoiceDocumentData {
  const base = sampleInvoice(3, { seller: SELLER, recipient, ...overrides });
  if (!base.vatNote) return base;
  return { ...base, vatRatePercent: 0, taxCents: 0, grossCents: base.netCents };
}

function creditNoteFor(invoice: InvoiceDocumentData): InvoiceDocumentData {
  const [line] = invoice.lines;
  const credited = Math.round(line.totalCents / 2);
  const tax = Math.round((credited * invoice.vatRatePercent) / 100);
  return {
    ...invoice,
    number: '2025-000043',
    issuedAt: new Date('2025-03-20T10:00:00Z'),
    dueAt: null,
    corrects: { number: invoice.number, issuedAt: invoice.issuedAt },
    creditReason: 'Doppelt gebucht & storniert <Test>',
    periodStart: new Date('2025-03-16T00:00:00Z'),
    lines: [{ description: line.description, quantity: 1, unitPriceCents: -credited, totalCents: -credited, periodStart: new Date('2025-03-16T00:00:00Z'), periodEnd: invoice.periodEnd }],
    netCents: -credited,
    taxCents: -tax,
    grossCents: -(credited + tax),
  };
}

const valueOf = (xml: string, element: string) => new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`).exec(xml)?.[1];
const guidelineOf = (xml: string) => /<ram:GuidelineSpecifiedDocumentContextParameter>\s*<ram:ID>([^<]*)<\/ram:ID>/.exec(xml)?.[1];

const CASES: [string, InvoiceDocumentData][] = [
  ['a German partner paying by transfer', invoiceTo(GERMAN_PARTNER)],
  ['a German partner paying by SEPA direct debit', invoiceTo(GERMAN_PARTNER, { payment: MANDATE })],
  ['an English-speaking partner paying by card', invoiceTo(GERMAN_PARTNER, { locale: 'en', payment: { method: 'card', card: 'Visa •••• 4242', last4: '4242', network: 'visa' } })],
  ['an Austrian partner with a VAT ID (reverse charge)', invoiceTo(AUSTRIAN_PARTNER, { vatNote: 'reverse-charge' })],
  ['a Swiss partner (outside the EU)', invoiceTo(SWISS_PARTNER, { vatNote: 'outside-eu' })],
  ['a credit note to a German partner', creditNoteFor(invoiceTo(GERMAN_PARTNER, { payment: MANDATE }))],
  ['a credit note to an Austrian partner', creditNoteFor(invoiceTo(AUSTRIAN_PARTNER, { vatNote: 'reverse-charge' }))],
];

describe('e-invoices (EN 16931)', () => {
  describe.each(CASES)('XRechnung of %s', (_name, invoice) => {
    let xml: string;
    beforeAll(async () => {
      xml = await renderXRechnung(invoice);
    });

    it('is valid against the Factur-X EN 16931 schema and passes the EN 16931 and XRechnung rules', async () => {
      expect(await schemaErrors(xml)).toEqual([]);
      expect(businessRuleViolations(xml)).toEqual([]);
      expect(guidelineOf(xml)).toBe('urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0');
    });

    it('carries the invoice as issued: number, totals, parties, period with its last day', () => {
      const sign = invoice.corrects ? -1 : 1;
      expect(xml).toContain(`<ram:ID>${invoice.number}</ram:ID>`);
      expect(valueOf(xml, 'ram:TypeCode')).toBe(invoice.corrects ? '381' : '380');
      expect(valueOf(xml, 'ram:GrandTotalAmount')).toBe(((sign * invoice.grossCents) / 100).toFixed(2));
      expect(valueOf(xml, 'ram:TaxBasisTotalAmount')).toBe(((sign * invoice.netCents) / 100).toFixed(2));
      expect(xml).toContain(`<ram:Name>${invoice.recipient.name}</ram:Name>`);
      expect(xml).toContain('<ram:Name>Sentinel Platform GmbH</ram:Name>');
      expect(xml).toContain('<udt:DateTimeString format="102">20250331</udt:DateTimeString>');
    });
  });

  it('states the reverse charge with both VAT IDs, and no VAT ID at all outside the EU (BR-O-02)', async () => {
    const reverse = await renderXRechnung(invoiceTo(AUSTRIAN_PARTNER, { vatNote: 'reverse-charge' }));
    expect(valueOf(reverse, 'ram:CategoryCode')).toBe('AE');
    expect(reverse).toContain('<ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>');
    expect(reverse).toContain('<ram:ID schemeID="VA">DE123456789</ram:ID>');
    expect(reverse).toContain('<ram:ID schemeID="VA">ATU12345678</ram:ID>');
    expect(reverse).toContain('Steuerschuldnerschaft des Leistungsempfängers');
    const abroad = await renderXRechnung(invoiceTo(SWISS_PARTNER, { vatNote: 'outside-eu' }));
    expect(valueOf(abroad, 'ram:CategoryCode')).toBe('O');
    expect(abroad).not.toContain('schemeID="VA"');
  });

  it('names the mandate, the creditor ID and the debited account of a direct debit, and the card of a card payment', async () => {
    const debit = await renderXRechnung(invoiceTo(GERMAN_PARTNER, { payment: MANDATE }));
    expect(valueOf(debit, 'ram:TypeCode')).toBe('380');
    expect(debit).toContain('<ram:TypeCode>59</ram:TypeCode>');
    expect(valueOf(debit, 'ram:DirectDebitMandateID')).toBe(MANDATE.mandateReference);
    expect(valueOf(debit, 'ram:CreditorReferenceID')).toBe('DE98ZZZ09999999999');
    const card = await renderXRechnung(invoiceTo(GERMAN_PARTNER, { payment: { method: 'card', card: 'Visa •••• 4242', last4: '4242', network: 'visa' } }));
    expect(card).toContain('<ram:TypeCode>54</ram:TypeCode>');
    expect(card).not.toContain('4242424242424242');
  });

  it('gives a credit note type 381, positive amounts and the corrected invoice (BT-25)', async () => {
    const xml = await renderXRechnung(creditNoteFor(invoiceTo(GERMAN_PARTNER)));
    expect(xml).toMatch(/<ram:InvoiceReferencedDocument>\s*<ram:IssuerAssignedID>2025-000042<\/ram:IssuerAssignedID>/);
    expect(xml).not.toMatch(/Amount>-/);
    expect(xml).toContain('Grund der Korrektur: Doppelt gebucht &amp; storniert &lt;Test&gt;');
  });

  it('has checks that fail: a wrong total breaks BR-CO-15 and -16, a dropped element the schema', async () => {
    const xml = await renderXRechnung(invoiceTo(GERMAN_PARTNER));
    const wrongTotal = xml.replace(/<ram:GrandTotalAmount>[^<]*</, '<ram:GrandTotalAmount>1.00<');
    expect(businessRuleViolations(wrongTotal)).toEqual([expect.stringMatching(/^BR-CO-15 /), expect.stringMatching(/^BR-CO-16 /)]);
    expect(await schemaErrors(xml.replace(/<ram:InvoiceCurrencyCode>EUR<\/ram:InvoiceCurrencyCode>/, ''))).toEqual([expect.stringContaining('InvoiceCurrencyCode')]);
  });

  it('refuses data that is not EN 16931 rather than producing a broken e-invoice', async () => {
    const broken = invoiceTo({ ...GERMAN_PARTNER, country: 'Deutschland' });
    await expect(renderXRechnung(broken)).rejects.toThrow();
    await expect(embedFacturX(await renderInvoicePdf(broken), broken)).rejects.toThrow();
  });

  describe('the Factur-X PDF', () => {
    const invoice = invoiceTo(AUSTRIAN_PARTNER, { vatNote: 'reverse-charge' });
    let pdf: Buffer;
    beforeAll(async () => {
      pdf = await embedFacturX(await renderInvoicePdf(invoice), invoice);
    });

    it('embeds factur-x.xml as the invoice\'s alternative: valid, passing the rules, the same data as the XRechnung', async () => {
      const files = await embeddedFiles(pdf);
      expect(files.map(({ name, relationship, mimeType }) => ({ name, relationship, mimeType }))).toEqual([
        { name: 'factur-x.xml', relationship: 'Alternative', mimeType: 'text/xml' },
      ]);
      const embedded = files[0].content.toString('utf8');
      expect(await schemaErrors(embedded)).toEqual([]);
      expect(businessRuleViolations(embedded)).toEqual([]);
      expect(guidelineOf(embedded)).toBe('urn:cen.eu:en16931:2017');
      const xrechnung = await renderXRechnung(invoice);
      const withoutGuideline = (xml: string) => xml.replace(/<ram:GuidelineSpecifiedDocumentContextParameter>[^]*?<\/ram:GuidelineSpecifiedDocumentContextParameter>/, '');
      expect(withoutGuideline(embedded).replace(/>\s+</g, '><')).toBe(withoutGuideline(xrechnung).replace(/>\s+</g, '><'));
    });

    it('declares itself PDF/A-3 B and Factur-X EN 16931 in its XMP metadata, with an output intent', async () => {
      const xmp = await xmpMetadata(pdf);
      expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>|pdfaid:part="3"/);
      expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>|pdfaid:conformance="B"/);
      expect(xmp).toMatch(/<fx:DocumentFileName>factur-x\.xml<\/fx:DocumentFileName>/);
      expect(xmp).toMatch(/<fx:ConformanceLevel>EN 16931<\/fx:ConformanceLevel>/);
      expect(xmp).toMatch(/<fx:DocumentType>INVOICE<\/fx:DocumentType>/);
      expect(await outputIntents(pdf)).toEqual(['GTS_PDFA1']);
    });
  });
});
