import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream } from '@cantoo/pdf-lib';
import { FormatFactoryService, invoiceSchema, type EInvoiceFormat, type InvoiceServiceOptions } from '@e-invoice-eu/core';
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import type { InvoiceDocumentData } from '../pdf/invoice-data';
import { eInvoiceData } from './e-invoice-data';

/** The XRechnung syntax served at `…/xml`: CII, the syntax of the Factur-X XML in the PDF too. */
export const XRECHNUNG_FORMAT = 'XRECHNUNG-CII';
/** The hybrid PDF's profile: Factur-X / ZUGFeRD EN 16931 ("Comfort"). */
export const FACTUR_X_FORMAT = 'Factur-X-EN16931';

// The library logs its warnings; the data it validates is ours, so a warning is a defect that the tests see as an error.
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const formats = new FormatFactoryService();

interface PreparedFormat {
  formatter: EInvoiceFormat;
  validate: ValidateFunction;
}

/**
 * The library's InvoiceService.generate compiles its whole EN 16931 JSON schema with ajv on every
 * call (about 115 ms, far more than drawing the PDF). This does what generate does, in its order,
 * with the schema compiled once per format: patched by the format as generate patches it, validated
 * with the same ajv options, defaults filled by the format, then the format generates.
 */
const prepared = new Map<string, PreparedFormat>();
function formatFor(format: string): PreparedFormat {
  let entry = prepared.get(format);
  if (!entry) {
    const formatter = formats.createFormatService(format, quiet);
    const schema = structuredClone(invoiceSchema);
    formatter.patchSchema(schema);
    entry = { formatter, validate: new Ajv2019({ strict: true, allErrors: true, useDefaults: true }).compile(schema) };
    prepared.set(format, entry);
  }
  return entry;
}

/** The EN 16931 e-invoice as XRechnung (CII XML). Throws when the data fails the library's EN 16931 schema. */
export async function renderXRechnung(invoice: InvoiceDocumentData): Promise<string> {
  const xml = await generate(invoice, { format: XRECHNUNG_FORMAT, lang: langOf(invoice) });
  return withPrecedingInvoice(typeof xml === 'string' ? xml : Buffer.from(xml).toString('utf8'), invoice);
}

/**
 * The invoice PDF made a PDF/A-3 with the same data embedded as `factur-x.xml` (Factur-X EN 16931
 * profile) and its XMP metadata; @e-invoice-eu/core does the embedding into the PDF pdfmake drew.
 */
export async function embedFacturX(pdf: Buffer, invoice: InvoiceDocumentData): Promise<Buffer> {
  const hybrid = await generate(invoice, {
    format: FACTUR_X_FORMAT,
    lang: langOf(invoice),
    pdf: { buffer: pdf, filename: `${invoice.corrects ? 'credit-note' : 'invoice'}-${invoice.number}.pdf`, mimetype: 'application/pdf' },
  });
  return invoice.corrects ? replaceFacturXml(Buffer.from(hybrid as Uint8Array), invoice) : Buffer.from(hybrid as Uint8Array);
}

const SETTLEMENT_TOTALS_END = '</ram:SpecifiedTradeSettlementHeaderMonetarySummation>';

/**
 * The library's CII mapping reads a preceding invoice (BT-25) from a place its own input schema
 * does not allow (BillingReference/cbc:ID instead of BillingReference/InvoiceDocumentReference/
 * cbc:ID), so a credit note's CII lacks the reference. This inserts it where the CII schema has it:
 * right after the settlement's totals.
 */
function withPrecedingInvoice(xml: string, invoice: InvoiceDocumentData): string {
  if (!invoice.corrects || xml.includes('<ram:InvoiceReferencedDocument>')) return xml;
  if (!xml.includes(SETTLEMENT_TOTALS_END)) throw new EInvoiceError(`Invoice ${invoice.number}: the CII has no settlement totals to place BT-25 after`);
  const issued = invoice.corrects.issuedAt.toISOString().slice(0, 10).replaceAll('-', '');
  const reference =
    `<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>${escapeXml(invoice.corrects.number)}</ram:IssuerAssignedID>` +
    `<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">${issued}</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:InvoiceReferencedDocument>`;
  return xml.replace(SETTLEMENT_TOTALS_END, SETTLEMENT_TOTALS_END + reference);
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** A credit note's hybrid PDF with its embedded factur-x.xml completed by withPrecedingInvoice (same stream object, so the PDF/A structure stays). */
async function replaceFacturXml(pdf: Buffer, invoice: InvoiceDocumentData): Promise<Buffer> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const files = document.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  for (let index = 0; index < files.size(); index += 2) {
    const spec = files.lookup(index + 1, PDFDict);
    const embedded = spec.lookup(PDFName.of('EF'), PDFDict);
    const ref = embedded.get(PDFName.of('F'));
    const stream = embedded.lookup(PDFName.of('F'));
    if (!(ref instanceof PDFRef) || !(stream instanceof PDFRawStream)) continue;
    const xml = Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
    if (!xml.includes('CrossIndustryInvoice')) continue;
    const completed = Buffer.from(withPrecedingInvoice(xml, invoice), 'utf8');
    const params = stream.dict.lookup(PDFName.of('Params'), PDFDict);
    params.set(PDFName.of('Size'), PDFNumber.of(completed.length));
    document.context.assign(ref, document.context.flateStream(completed, { Type: 'EmbeddedFile', Subtype: 'text/xml', Params: params }));
    return Buffer.from(await document.save({ useObjectStreams: false }));
  }
  throw new EInvoiceError(`Invoice ${invoice.number}: the hybrid PDF has no factur-x.xml to complete`);
}

export class EInvoiceError extends Error {}

/** The library rejects data failing its EN 16931 schema with ajv's ValidationError ("validation failed", the details in `errors`); this names them. */
async function generate(invoice: InvoiceDocumentData, options: InvoiceServiceOptions): Promise<string | Uint8Array> {
  try {
    const { formatter, validate } = formatFor(options.format);
    const data = eInvoiceData(invoice);
    if (!validate(data)) throw new Ajv2019.ValidationError(validate.errors ?? []);
    formatter.fillInvoiceDefaults(data);
    return await formatter.generate(data, { ...options, format: formats.normalizeFormat(options.format) });
  } catch (error) {
    const listed = (error as { errors?: unknown } | null)?.errors;
    const causes = Array.isArray(listed) ? listed : [error];
    const details = causes.map((cause: { instancePath?: string; message?: string }) => [cause.instancePath, cause.message].filter(Boolean).join(' ')).join('; ');
    throw new EInvoiceError(`Invoice ${invoice.number} is not a valid EN 16931 e-invoice: ${details}`, { cause: error });
  }
}

const langOf = (invoice: InvoiceDocumentData) => (invoice.locale === 'en' ? 'en-gb' : 'de-de');
