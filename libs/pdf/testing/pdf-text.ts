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

type GlyphMaps = Map<string, Map<number, string>>;

function fontGlyphMaps(source: string): GlyphMaps {
  const fonts: GlyphMaps = new Map();
  for (const [, name, objectNumber] of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (fonts.has(name)) continue;
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objectBody(source, objectNumber));
    fonts.set(name, toUnicode ? parseToUnicode(objectBody(source, toUnicode[1])) : new Map());
  }
  return fonts;
}

function decodeOperands(fonts: GlyphMaps, font: string, operands: string): string {
  const glyphs = fonts.get(font) ?? new Map<number, string>();
  let text = '';
  for (const [, hex] of operands.matchAll(/<([0-9a-f]*)>/gi)) {
    for (let i = 0; i < hex.length; i += 4) {
      text += glyphs.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
    }
  }
  return text;
}

/** The text of every `TJ` in document order, concatenated (pdfmake keeps a word's trailing space). */
export function extractPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const fonts = fontGlyphMaps(source);
  let text = '';
  for (const [, name, operands] of source.matchAll(/\/(F\d+) [\d.]+ Tf\n(?:[^\n]*\n)*?\[([^\]]*)\] TJ/g)) {
    text += decodeOperands(fonts, name, operands);
  }
  return text;
}

export interface PdfTextRun {
  text: string;
  /** Where the run starts, in points from the page's left edge. */
  x: number;
  /** The baseline, in points from the page's bottom edge: runs on one line share it. */
  y: number;
}

/** Every `TJ` with the position pdfkit sets right before it (`1 0 0 1 x y Tm`), for layout checks. */
export function extractPdfTextRuns(pdf: Buffer): PdfTextRun[] {
  const source = pdf.toString('latin1');
  const fonts = fontGlyphMaps(source);
  const runs: PdfTextRun[] = [];
  const pattern = /1 0 0 1 ([\d.-]+) ([\d.-]+) Tm\n\/(F\d+) [\d.]+ Tf\n(?:[^\n]*\n)*?\[([^\]]*)\] TJ/g;
  for (const [, x, y, name, operands] of source.matchAll(pattern)) {
    runs.push({ text: decodeOperands(fonts, name, operands), x: Number(x), y: Number(y) });
  }
  return runs;
}

/** Page objects (`/Type /Page`, not `/Pages`). */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
