// Reads the text back out of a PDF rendered with `compress: false`, for specs, without a PDF parser
// dependency. pdfkit writes embedded-font text as hex glyph ids (`/F2 9 Tf [<0001 0002> 0] TJ`);
// each font's ToUnicode CMap maps them back to characters. Only what pdfkit writes is understood.

function objectBody(pdf: string, objectNumber: string): string {
  const start = pdf.indexOf(`\n${objectNumber} 0 obj`);
  if (start < 0) throw new Error(`object ${objectNumber} not found`);
  return pdf.slice(start, pdf.indexOf('endobj', start));
}

function decodeUtf16Hex(hex: string): string {
  const units = hex.trim().split(/\s+/).map((unit) => parseInt(unit, 16));
  return String.fromCharCode(...units);
}

/** Glyph id → text, from pdfkit's `<start> <end> [<u1> <u2> …]` bfrange entries. */
function parseToUnicode(cmap: string): Map<number, string> {
  const glyphs = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
    let glyph = parseInt(range[1], 16);
    for (const entry of range[2].matchAll(/<([0-9a-f ]+)>/gi)) {
      glyphs.set(glyph++, decodeUtf16Hex(entry[1]));
    }
  }
  return glyphs;
}

/** The text of every `TJ` in document order, concatenated (pdfmake keeps a word's trailing space). */
export function extractPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const fonts = new Map<string, Map<number, string>>();
  for (const [, name, objectNumber] of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (fonts.has(name)) continue;
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objectBody(source, objectNumber));
    fonts.set(name, toUnicode ? parseToUnicode(objectBody(source, toUnicode[1])) : new Map());
  }
  let text = '';
  for (const [, name, operands] of source.matchAll(/\/(F\d+) [\d.]+ Tf\n(?:[^\n]*\n)*?\[([^\]]*)\] TJ/g)) {
    const glyphs = fonts.get(name) ?? new Map<number, string>();
    for (const [, hex] of operands.matchAll(/<([0-9a-f]*)>/gi)) {
      for (let i = 0; i < hex.length; i += 4) {
        text += glyphs.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
      }
    }
  }
  return text;
}

/** Page objects (`/Type /Page`, not `/Pages`). */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
