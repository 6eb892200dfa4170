import { Locale, translator } from '../i18n';
// The look shared by every document in libs/pdf (invoice, reports): page size, colours, styles,
// continuation header, footer rule, page label, list tables, logos.
import type { Content, DynamicContent, Style } from 'pdfmake';
import { JPEG_SIGNATURE, PNG_SIGNATURE, sniffLogoType } from '../branding/image-type';

/** Every document is A4; its size in points, the unit of pdfmake's layout. */
export const PAGE_SIZE = 'A4';
export const A4_WIDTH = 595.28;
export const A4_HEIGHT = 841.89;

export const TEXT_COLOR = '#1f2933';
export const MUTED_COLOR = '#6b7280';
export const RULE_COLOR = '#d1d5db';
export const HEADER_FILL = '#f3f4f6';

export const DEFAULT_STYLE: Style = { font: 'Roboto', fontSize: 9, color: TEXT_COLOR, lineHeight: 1.15 };

/** The named styles every document uses; a document adds its own beside them. */
export const BASE_STYLES: Record<string, Style> = {
  title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
  small: { fontSize: 7.5, color: MUTED_COLOR },
  tableHeader: { bold: true, fontSize: 8 },
};


/** From the second page on, `<title> · Fortsetzung` (`continued`) above the content. */
export function continuationHeader(title: string, horizontalMargin: number, locale: Locale): DynamicContent {
  const continued = translator(locale)('pdf.continued') as string;
  return (currentPage) =>
    currentPage > 1
      ? { text: `${title} · ${continued}`, style: 'small', margin: [horizontalMargin, 28, horizontalMargin, 0] }
      : null;
}

/** The thin line across the content width that opens a footer. */
export function footerRule(pageWidth: number, horizontalMargin: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: pageWidth - 2 * horizontalMargin, y2: 0, lineWidth: 0.4, lineColor: RULE_COLOR }] };
}

/** `Seite 2 von 5`, `Page 2 of 5`. */
export function pageLabel(currentPage: number, pageCount: number, locale: Locale): string {
  return translator(locale)('pdf.page', { current: currentPage, total: pageCount });
}

/** Left, right, top and bottom of every cell of a list table. */
export const LIST_CELL_PADDING = 4;

/**
 * A list table: shaded column-header row, thin rules between the rows below it. `titleRows` rows
 * above the column headers (a table title repeated on every page with them) get no fill and no rules.
 */
export function listTableLayout(titleRows = 0) {
  const padding = () => LIST_CELL_PADDING;
  return {
    fillColor: (rowIndex: number) => (rowIndex === titleRows ? HEADER_FILL : null),
    hLineWidth: (lineIndex: number, node: { table: { body: unknown[] } }) => {
      if (lineIndex < titleRows) return 0;
      return lineIndex === titleRows || lineIndex === titleRows + 1 || lineIndex === node.table.body.length ? 0.8 : 0.4;
    },
    hLineColor: (lineIndex: number) => (lineIndex <= titleRows + 1 ? MUTED_COLOR : RULE_COLOR),
    vLineWidth: () => 0,
    paddingLeft: padding,
    paddingRight: padding,
    paddingTop: padding,
    paddingBottom: padding,
  };
}

/** pdfmake takes images as data URLs; the type comes from the content, not from a name. */
export function imageDataUrl(image: Buffer): string {
  const type = sniffLogoType(image);
  // A signature with nothing after it is no image either.
  if (!type || image.length <= (type === 'image/png' ? PNG_SIGNATURE : JPEG_SIGNATURE).length) {
    throw new Error('logo must be a PNG or JPEG image');
  }
  return `data:${type};base64,${image.toString('base64')}`;
}
