import { dirname, join, resolve, sep } from 'node:path';
import pdfmake, { type DocumentDefinition } from 'pdfmake';
import type { InvoiceDocumentData } from './invoice-data';
import { buildInvoiceDocument } from './invoice-document';

export interface RenderOptions {
  /** Deflate the content streams (default). Tests turn it off to read the text back. */
  compress?: boolean;
}

let fontsDirectory: string | undefined;

/**
 * pdfmake is one process-wide instance: configure it once, on first use. Fonts are the Roboto TTFs
 * shipped with the package (found through the package, so this works from the sources under Jest and
 * from dist/ alike); nothing is fetched over the network and no local file outside that folder is read.
 */
function configuredPdfmake(): typeof pdfmake {
  if (fontsDirectory === undefined) {
    const directory = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
    pdfmake.setFonts({
      Roboto: {
        normal: join(directory, 'Roboto-Regular.ttf'),
        bold: join(directory, 'Roboto-Medium.ttf'),
        italics: join(directory, 'Roboto-Italic.ttf'),
        bolditalics: join(directory, 'Roboto-MediumItalic.ttf'),
      },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(directory + sep));
    fontsDirectory = directory;
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
