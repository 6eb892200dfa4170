// The look shared by every document in libs/pdf (invoice, reports): colours, page label, list
// tables, logos.

export const TEXT_COLOR = '#1f2933';
export const MUTED_COLOR = '#6b7280';
export const RULE_COLOR = '#d1d5db';
export const HEADER_FILL = '#f3f4f6';

/** `Seite 2 von 5 / Page 2 of 5`. */
export function pageLabel(currentPage: number, pageCount: number): string {
  return `Seite ${currentPage} von ${pageCount} / Page ${currentPage} of ${pageCount}`;
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
  return `data:${imageType(image)};base64,${image.toString('base64')}`;
}

function imageType(image: Buffer): 'image/png' | 'image/jpeg' {
  if (image.length > 8 && image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (image.length > 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) {
    return 'image/jpeg';
  }
  throw new Error('logo must be a PNG or JPEG image');
}
