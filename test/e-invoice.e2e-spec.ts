import { extractPdfText } from '../libs/pdf/testing/pdf-text';
import { embeddedFiles, xmpMetadata } from '../libs/e-invoice/testing/pdf-attachments';
import { businessRuleViolations, schemaErrors } from '../libs/e-invoice/testing/validate-e-invoice';
import { InvoicePdfRenderer } from '../src/billing/invoices/invoice-pdf.renderer';
import { bearer, createCustomer, createPartner, orderSubscription } from './support/fixtures';
import { binaryBody } from './support/http';
import { decodedPdf } from './support/pdf';
import { MimePart, SmtpSink, startSmtpSink } from './support/smtp-sink';
import { TestApp, createTestApp } from './support/test-app';
import { eventually } from './support/eventually';

const ORDER = { planCode: 'business', addonCodes: ['hosts-10'], acceptPaymentObligation: true };
const attachmentsOf = (mail: { attachments: MimePart[] }) => mail.attachments.filter((part) => part.disposition === 'attachment');
const guidelineOf = (xml: string) => /<ram:GuidelineSpecifiedDocumentContextParameter>\s*<ram:ID>([^<]*)<\/ram:ID>/.exec(xml)?.[1];
const valueOf = (xml: string, element: string) => new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`).exec(xml)?.[1];

type Partner = Awaited<ReturnType<typeof createPartner>>;
interface IssuedDocument {
  id: string;
  number: string;
  type: 'invoice' | 'credit_note';
}

/**
 * The e-invoice matrix of the invoicing issue, end to end: partners in Germany (German and English,
 * SEPA direct debit), Austria (reverse charge) and Switzerland (outside the EU), and a credit note
 * after a customer's deletion. Each PDF's text, each XRechnung (schema and rules) and the Factur-X
 * XML in each PDF are checked; the mails go through a real SMTP server and carry both files.
 */
describe('e-invoices: XRechnung at …/xml, Factur-X in the PDF, both in the mail', () => {
  let testApp: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      VENDOR_NAME: 'Sentinel Platform GmbH',
      VENDOR_VAT_ID: 'DE123456789',
      VENDOR_IBAN: 'DE02 2005 0550 1015 8713 93',
      VENDOR_SEPA_CREDITOR_ID: 'DE98ZZZ09999999999',
    });
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  const get = (partner: Partner, path: string) => testApp.http.get(`/api/v1/organizations/${path}`).set(bearer(partner.admin)).buffer(true).parse(binaryBody);
  const rendered = (partner: Partner, orgId: string, invoiceId: string, file: 'pdf' | 'xml', collection: 'invoices' | 'customer-invoices' = 'invoices') =>
    eventually(`the ${file} to be rendered`, async () => {
      const response = await get(partner, `${orgId}/${collection}/${invoiceId}/${file}`);
      if (response.status === 202) return undefined;
      expect(response.status).toBe(200);
      return response;
    });
  const mailOf = (document: IssuedDocument) =>
    eventually(`the mail of ${document.number}`, () =>
      smtp.received.find((mail) => attachmentsOf(mail).some((part) => part.filename === `${document.type === 'invoice' ? 'invoice' : 'credit-note'}-${document.number}.pdf`)),
    );
  const setBillingAddress = (partner: Partner, recipient: Record<string, unknown>) =>
    testApp.http
      .put(`/api/v1/organizations/${partner.organizationId}/billing-address`)
      .set(bearer(partner.admin))
      .send({ differentBillingAddress: true, useAsInvoiceRecipient: true, recipient: { email: partner.admin.email, street: 'Ring 1', ...recipient } })
      .expect(200);

  /**
   * The XRechnung, its PDF's text and embedded Factur-X XML, and the mail with both files; checked
   * for validity throughout. From the API, and the same in the mail; `orgId` null for a deleted
   * customer's documents, which only the mail brings.
   */
  async function documentsOf(partner: Partner, orgId: string | null, document: IssuedDocument) {
    const fileStem = `${document.type === 'invoice' ? 'invoice' : 'credit-note'}-${document.number}`;
    const mail = await mailOf(document);
    const files = attachmentsOf(mail);
    expect(files.map((part) => [part.filename, part.contentType.split(';')[0]])).toEqual([
      [`${fileStem}.pdf`, 'application/pdf'],
      [`${fileStem}.xml`, 'application/xml'],
    ]);
    const [pdf, xml] = [files[0].content, files[1].content.toString('utf8')];
    if (orgId) {
      const xmlResponse = await rendered(partner, orgId, document.id, 'xml');
      expect(xmlResponse.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(xmlResponse.headers['content-disposition']).toBe(`attachment; filename="${fileStem}.xml"`);
      expect((xmlResponse.body as Buffer).toString('utf8')).toBe(xml);
      expect(((await rendered(partner, orgId, document.id, 'pdf')).body as Buffer).equals(pdf)).toBe(true);
    }
    expect(guidelineOf(xml)).toBe('urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0');
    expect(await schemaErrors(xml)).toEqual([]);
    expect(businessRuleViolations(xml)).toEqual([]);

    const [facturX] = await embeddedFiles(pdf);
    expect(facturX).toMatchObject({ name: 'factur-x.xml', relationship: 'Alternative' });
    const embedded = facturX.content.toString('utf8');
    expect(guidelineOf(embedded)).toBe('urn:cen.eu:en16931:2017');
    expect(await schemaErrors(embedded)).toEqual([]);
    expect(businessRuleViolations(embedded)).toEqual([]);
    expect(await xmpMetadata(pdf)).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    return { xml, embedded, text: extractPdfText(await decodedPdf(pdf)), mail };
  }

  it('invoices a German partner paying by SEPA direct debit: mandate and creditor ID on the PDF and in both e-invoices', async () => {
    const partner = await createPartner(testApp, 'Muster IT GmbH');
    const method = await testApp.http
      .post(`/api/v1/organizations/${partner.organizationId}/payment-methods`)
      .set(bearer(partner.admin))
      .send({ type: 'sepa', iban: 'DE89 3704 0044 0532 0130 00', accountHolder: 'Muster IT GmbH' })
      .expect(201);
    const mandate = method.body.mandateReference as string;
    // An English-speaking customer organization: its invoices go to the partner, in the partner's language.
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId, 'Tea Room Ltd');
    await testApp.http.patch(`/api/v1/organizations/${customer.id}`).set(bearer(partner.admin)).send({ locale: 'en' }).expect(200);
    const { invoice } = await orderSubscription(testApp, partner.admin, customer.id, ORDER);

    const { xml, embedded, text, mail } = await documentsOf(partner, customer.id, { ...invoice, type: 'invoice' });
    expect(text).toContain(`Mandatsreferenz ${mandate}, Gläubiger-ID DE98ZZZ09999999999`);
    expect(text).toContain('Kunde: Tea Room Ltd');
    expect(text).toContain('Deutschland');
    for (const document of [xml, embedded]) {
      expect(document).toContain('<ram:TypeCode>59</ram:TypeCode>');
      expect(valueOf(document, 'ram:DirectDebitMandateID')).toBe(mandate);
      expect(valueOf(document, 'ram:CreditorReferenceID')).toBe('DE98ZZZ09999999999');
      expect(valueOf(document, 'ram:CategoryCode')).toBe('S');
      expect(document).not.toContain('370400440532');
    }
    expect(mail.headers).toMatch(new RegExp(`^Subject: Rechnung ${invoice.number} von Sentinel Platform GmbH$`, 'm'));

    // An invoice rendered before e-invoices existed has no XML stored: its XRechnung is drawn from the same snapshot on request.
    await testApp.sql('update invoice_document set xml = null where invoice_id = ?', [invoice.id]);
    const drawn = await get(partner, `${customer.id}/invoices/${invoice.id}/xml`).expect(200);
    expect((drawn.body as Buffer).toString('utf8')).toBe(xml);
  });

  it('invoices an English-speaking partner without a payment method by transfer, in English', async () => {
    const partner = await createPartner(testApp, 'Brit IT');
    await testApp.http.patch(`/api/v1/organizations/${partner.organizationId}`).set(bearer(partner.admin)).send({ locale: 'en' }).expect(200);
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    const { invoice } = await orderSubscription(testApp, partner.admin, customer.id, ORDER);

    const { xml, text, mail } = await documentsOf(partner, customer.id, { ...invoice, type: 'invoice' });
    expect(text).toContain('to our account IBAN DE02 2005 0550 1015 8713 93, quoting invoice number');
    expect(text).not.toMatch(/Rechnung|überweisen/);
    expect(xml).toContain('<ram:IBANID>DE02200505501015871393</ram:IBANID>');
    expect(valueOf(xml, 'ram:Description')).toMatch(/^Please transfer the amount without deduction by /);
    expect(mail.headers).toMatch(new RegExp(`^Subject: Invoice ${invoice.number} from Sentinel Platform GmbH$`, 'm'));
  });

  it('invoices an Austrian partner with a VAT ID under the reverse charge, naming both VAT IDs', async () => {
    const partner = await createPartner(testApp, 'Alpen IT GmbH');
    await setBillingAddress(partner, { name: 'Alpen IT GmbH', postalCode: '1060', city: 'Wien', country: 'AT', vatId: 'ATU12345678' });
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    const { invoice } = await orderSubscription(testApp, partner.admin, customer.id, ORDER);

    const { xml, embedded, text } = await documentsOf(partner, customer.id, { ...invoice, type: 'invoice' });
    expect(text).toContain('Steuerschuldnerschaft des Leistungsempfängers (Reverse charge).');
    expect(text).toContain('Ihre USt-IdNr.: ATU12345678');
    expect(text).toContain('Österreich');
    for (const document of [xml, embedded]) {
      expect(valueOf(document, 'ram:CategoryCode')).toBe('AE');
      expect(document).toContain('<ram:ID schemeID="VA">ATU12345678</ram:ID>');
      expect(document).toContain('<ram:ID schemeID="VA">DE123456789</ram:ID>');
      expect(valueOf(document, 'ram:TaxTotalAmount')).toBe('0.00');
    }
  });

  it('invoices a Swiss partner without German VAT, as not subject to it', async () => {
    const partner = await createPartner(testApp, 'Berg Informatik AG');
    await setBillingAddress(partner, { name: 'Berg Informatik AG', postalCode: '8001', city: 'Zürich', country: 'CH' });
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    const { invoice } = await orderSubscription(testApp, partner.admin, customer.id, ORDER);

    const { xml, text } = await documentsOf(partner, customer.id, { ...invoice, type: 'invoice' });
    expect(text).toContain('Nicht im Inland steuerbare Leistung');
    expect(text).toContain('Schweiz');
    expect(valueOf(xml, 'ram:CategoryCode')).toBe('O');
    expect(xml).not.toContain('schemeID="VA"');
  });

  it('sends the credit note of a deleted customer as a 381 e-invoice naming the corrected invoice, with positive amounts', async () => {
    const partner = await createPartner(testApp, 'Kurz IT GmbH');
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId, 'Kurzzeit GmbH');
    const { invoice } = await orderSubscription(testApp, partner.admin, customer.id, ORDER);
    await mailOf({ ...invoice, type: 'invoice' });
    await testApp.http.delete(`/api/v1/organizations/${customer.id}`).set(bearer(partner.admin)).expect(204);
    const listed = await testApp.http.get(`/api/v1/organizations/${partner.organizationId}/customer-invoices?limit=200`).set(bearer(partner.admin)).expect(200);
    const creditNote = (listed.body.items as (IssuedDocument & { correctsInvoiceId: string | null; gross: number })[]).find((item) => item.correctsInvoiceId === invoice.id)!;
    expect(creditNote.gross).toBeLessThan(0);

    const { xml, embedded, text, mail } = await documentsOf(partner, null, creditNote);
    // The deleted customer's own routes are gone; the partner it is addressed to downloads both files.
    await get(partner, `${customer.id}/invoices/${creditNote.id}/xml`).expect(404);
    const fromPartner = await rendered(partner, partner.organizationId, creditNote.id, 'xml', 'customer-invoices');
    expect((fromPartner.body as Buffer).toString('utf8')).toBe(xml);
    const pdfFromPartner = await rendered(partner, partner.organizationId, creditNote.id, 'pdf', 'customer-invoices');
    expect(pdfFromPartner.headers['content-disposition']).toBe(`attachment; filename="credit-note-${creditNote.number}.pdf"`);
    // Another partner does not find it.
    const stranger = await createPartner(testApp);
    await get(stranger, `${stranger.organizationId}/customer-invoices/${creditNote.id}/xml`).expect(404);
    for (const document of [xml, embedded]) {
      expect(valueOf(document, 'ram:TypeCode')).toBe('381');
      expect(document).toMatch(new RegExp(`<ram:InvoiceReferencedDocument>\\s*<ram:IssuerAssignedID>${invoice.number}</ram:IssuerAssignedID>`));
      expect(valueOf(document, 'ram:GrandTotalAmount')).toBe((-creditNote.gross / 100).toFixed(2));
    }
    expect(text).toContain(`Der Betrag wird auf dem Zahlungsweg der Rechnung ${invoice.number} erstattet.`);
    expect(mail.headers).toMatch(new RegExp(`^Subject: Rechnungskorrektur ${creditNote.number} von Sentinel Platform GmbH$`, 'm'));
  });

  it('fails the PDF job visibly on data that is no valid e-invoice, mails nothing, and mails both files once it renders', async () => {
    const partner = await createPartner(testApp);
    const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
    const renderer = testApp.app.get(InvoicePdfRenderer);
    const documentData = renderer.documentData.bind(renderer);
    // A recipient country no code list knows, as a corrupted snapshot would carry.
    const corrupt = jest.spyOn(renderer, 'documentData').mockImplementation((invoice, customerName) => ({ ...documentData(invoice, customerName), recipient: { ...invoice.recipient, country: 'XX' } }));
    try {
      const { invoice } = await orderSubscription(testApp, partner.admin, customer.id, ORDER);
      const failed = await eventually('the failure recorded', async () => {
        const [row] = await testApp.sql<{ status: string; last_error: string | null }>('select status, last_error from invoice_document where invoice_id = ?', [invoice.id]);
        return row?.status === 'failed' ? row : undefined;
      });
      expect(failed.last_error).toMatch(new RegExp(`^Invoice ${invoice.number} is not a valid EN 16931 e-invoice: .*IdentificationCode`));
      const pending = await get(partner, `${customer.id}/invoices/${invoice.id}/xml`).expect(202);
      expect(JSON.parse((pending.body as Buffer).toString('utf8'))).toEqual({ status: 'failed', retryAfter: 2 });
      expect(smtp.received.filter((mail) => attachmentsOf(mail).some((part) => part.filename?.includes(invoice.number)))).toEqual([]);

      corrupt.mockRestore();
      await documentsOf(partner, customer.id, { ...invoice, type: 'invoice' });
    } finally {
      corrupt.mockRestore();
    }
  });
});
