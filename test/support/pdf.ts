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
