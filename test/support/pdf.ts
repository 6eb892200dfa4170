import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import { inflateSync } from 'node:zlib';

/** The PDF with its Flate streams inflated, so the text helpers can read it. */
export function inflatePdf(pdf: Buffer): Buffer {
  const source = pdf.toString('latin1');
  const inflated = source.replace(/(\/FlateDecode[^]*?stream\r?\n)([^]*?)(\r?\nendstream)/g, (match, head: string, data: string, tail: string) => {
    try {
      return head + inflateSync(Buffer.from(data, 'latin1')).toString('latin1') + tail;
    } catch {
      return match;
    }
  });
  return Buffer.from(inflated, 'latin1');
}

/** The image XObjects of a PDF with their pixel sizes (pdfkit writes /Width and /Height into each image dictionary). */
export function pdfImages(pdf: Buffer): Array<{ width: number; height: number }> {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/<<[^>]*\/Subtype \/Image[^>]*>>/g)].map(([dictionary]) => ({
    width: Number(/\/Width (\d+)/.exec(dictionary)?.[1]),
    height: Number(/\/Height (\d+)/.exec(dictionary)?.[1]),
  }));
}

/**
 * The PDF re-written by a PDF parser (pdf-lib) with every Flate stream decoded and no object
 * streams, so the text helpers can read it; for PDFs another tool re-saved (the Factur-X hybrid),
 * where matching streams by regular expression (inflatePdf) is not safe.
 */
export async function decodedPdf(pdf: Buffer): Promise<Buffer> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const [ref, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Filter'))?.toString() !== '/FlateDecode') continue;
    const dict = object.dict.clone(document.context);
    dict.delete(PDFName.of('Filter'));
    dict.delete(PDFName.of('DecodeParms'));
    const contents = decodePDFRawStream(object).decode();
    dict.set(PDFName.of('Length'), document.context.obj(contents.length));
    document.context.assign(ref, PDFRawStream.of(dict, contents));
  }
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
