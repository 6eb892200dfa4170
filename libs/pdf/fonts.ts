import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FontDescriptor } from 'pdfmake';

// Parsing a font is most of the cost of a small PDF: pdfkit hands every document's font file to
// fontkit, which decodes the tables (cmap, metrics, the kerning in GPOS) again for each document.
// pdfkit 0.19 takes fonts only as paths or bytes, never as a parsed font, so the fonts are parsed
// once here and pdfkit is given a stand-in instead of the bytes: fontkit asks each registered font
// format whether it recognizes the data, and ParsedFontFormat recognizes the stand-ins and answers
// with the parsed font. A parsed font is safe to share: pdfkit keeps what a document uses (subset,
// widths, layout cache) in its own per-document object, and uses the font synchronously. Only the
// code points fontkit records on a glyph (for the PDF's ToUnicode map) now come from the first
// document that used the glyph rather than from this one; they differ only for characters sharing
// a glyph, in Roboto ∆/Δ and Ω/Ω.

/** The part of fontkit, pdfkit's font parser, used here; it is pdfmake's dependency and ships no types. */
interface Fontkit {
  create(data: Uint8Array): object;
  registerFormat(format: { probe(data: Uint8Array): boolean; new (stream: { buffer: Uint8Array }): object }): void;
}

type FontStyle = keyof FontDescriptor;

/** The Roboto TTFs shipped with pdfmake, by pdfmake's style names. */
const ROBOTO_FILES: Record<FontStyle, string> = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};

/** Stand-in → parsed font. An empty array, so no built-in format mistakes a stand-in for a font file. */
const parsedFonts = new WeakMap<Uint8Array, object>();

/** A font "format" whose files are the stand-ins: opening one gives the font parsed before. */
class ParsedFontFormat {
  static probe(data: Uint8Array): boolean {
    return parsedFonts.has(data);
  }

  constructor(stream: { buffer: Uint8Array }) {
    return parsedFonts.get(stream.buffer)!;
  }
}

let fontkit: Fontkit | undefined;

/** The fontkit instance that pdfmake's pdfkit parses with, with ParsedFontFormat registered. */
function pdfkitFontkit(): Fontkit {
  if (!fontkit) {
    const pdfkit = require.resolve('pdfkit', { paths: [dirname(require.resolve('pdfmake'))] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- no types to import; see Fontkit
    fontkit = require(require.resolve('fontkit', { paths: [dirname(pdfkit)] })) as Fontkit;
    fontkit.registerFormat(ParsedFontFormat);
  }
  return fontkit;
}

export interface ParsedFonts {
  /** For pdfmake's setFonts: family → style → the name of a file in `files`. */
  fonts: Record<string, FontDescriptor>;
  /** File name → stand-in, for pdfmake's virtual file system, which pdfmake reads fonts from before the disk. */
  files: Map<string, Uint8Array>;
}

/** Reads and parses the Roboto TTFs of the installed pdfmake; once per process is enough. */
export function parseFonts(): ParsedFonts {
  const directory = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const parser = pdfkitFontkit();
  const roboto = {} as FontDescriptor;
  const files = new Map<string, Uint8Array>();
  for (const [style, file] of Object.entries(ROBOTO_FILES) as [FontStyle, string][]) {
    const standIn = new Uint8Array(0);
    parsedFonts.set(standIn, parser.create(readFileSync(join(directory, file))));
    roboto[style] = `parsed-fonts/${file}`;
    files.set(roboto[style], standIn);
  }
  return { fonts: { Roboto: roboto }, files };
}
