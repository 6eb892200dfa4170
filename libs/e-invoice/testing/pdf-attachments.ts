// Reads what a hybrid (Factur-X) PDF carries, for specs: its embedded files and its XMP metadata.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, PDFHexString, decodePDFRawStream } from '@cantoo/pdf-lib';

export interface EmbeddedFile {
  name: string;
  /** /AFRelationship of its file specification, e.g. `Alternative`. */
  relationship: string | undefined;
  /** /Subtype of the embedded stream, e.g. `text/xml`. */
  mimeType: string | undefined;
  content: Buffer;
}

const text = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);
const streamBytes = (stream: PDFRawStream) => Buffer.from(decodePDFRawStream(stream).decode());

export async function embeddedFiles(pdf: Buffer): Promise<EmbeddedFile[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const entries = tree?.lookupMaybe(PDFName.of('Names'), PDFArray);
  const files: EmbeddedFile[] = [];
  for (let index = 0; entries && index < entries.size(); index += 2) {
    const spec = entries.lookup(index + 1, PDFDict);
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F')) as PDFRawStream;
    files.push({
      name: text(entries.lookup(index)) ?? '',
      relationship: spec.lookupMaybe(PDFName.of('AFRelationship'), PDFName)?.decodeText(),
      mimeType: stream.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText(),
      content: streamBytes(stream),
    });
  }
  return files;
}

/** The document's XMP metadata packet (the catalog's /Metadata stream), as text. */
export async function xmpMetadata(pdf: Buffer): Promise<string> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const stream = document.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
  return streamBytes(stream).toString('utf8');
}

/** The catalog's output intents' /S entries (PDF/A needs `GTS_PDFA1`). */
export async function outputIntents(pdf: Buffer): Promise<string[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const intents = document.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  return intents ? intents.asArray().map((_, index) => intents.lookup(index, PDFDict).lookup(PDFName.of('S'), PDFName).decodeText()) : [];
}
