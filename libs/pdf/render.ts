import pdfmake, { type DocumentDefinition } from 'pdfmake';
import { parseFonts } from './fonts';
import type { InventoryReportData } from './inventory-report-data';
import { buildInventoryReportDocument } from './inventory-report-document';
import type { InvoiceDocumentData } from './invoice-data';
import { buildInvoiceDocument } from './invoice-document';

export interface RenderOptions {
  /** Deflate the content streams (default). Tests turn it off to read the text back. */
  compress?: boolean;
}

/** pdfmake's in-memory file system, which it reads fonts from before the disk. */
interface VirtualFileSystem {
  writeFileSync(name: string, content: Uint8Array): void;
}

let configured = false;

/**
 * pdfmake is one process-wide instance: configure it once, on first use. Fonts are the Roboto TTFs
 * shipped with the package, parsed once for all documents (see ./fonts) and served from pdfmake's
 * virtual file system, so pdfmake reads no local file and fetches nothing over the network.
 */
function configuredPdfmake(): typeof pdfmake {
  if (!configured) {
    const { fonts, files } = parseFonts();
    const { virtualfs } = pdfmake as typeof pdfmake & { virtualfs: VirtualFileSystem };
    for (const [name, content] of files) virtualfs.writeFileSync(name, content);
    pdfmake.setFonts(fonts);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    configured = true;
  }
  return pdfmake;
}

/** Renders any document definition with the shared pdfmake setup (fonts, access policies). */
export async function renderDocument(definition: DocumentDefinition, options: RenderOptions = {}): Promise<Buffer> {
  return configuredPdfmake()
    .createPdf({ ...definition, compress: options.compress ?? true })
    .getBuffer();
}

export async function renderInvoicePdf(invoice: InvoiceDocumentData, options: RenderOptions = {}): Promise<Buffer> {
  return renderDocument(buildInvoiceDocument(invoice), options);
}

export async function renderInventoryReportPdf(report: InventoryReportData, options: RenderOptions = {}): Promise<Buffer> {
  return renderDocument(buildInventoryReportDocument(report), options);
}
