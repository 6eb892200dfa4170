import type { Content, ContentNode, DocumentDefinition, DynamicContent } from 'pdfmake';
import { formatDate, formatPeriod } from './dates';
import type { InvoiceDocumentData, InvoiceLineData, PartyAddress, SellerDetails } from './invoice-data';
import {
  BASE_STYLES,
  DEFAULT_STYLE,
  MUTED_COLOR,
  PAGE_SIZE,
  TEXT_COLOR,
  continuationHeader,
  footerRule,
  imageDataUrl,
  listTableLayout,
  pageLabel,
} from './layout';
import { formatDecimal, formatMoney, formatPercent } from './money';

// A4 in points; the bottom margin leaves room for the footer with the seller's details.
const PAGE_MARGINS: [number, number, number, number] = [56, 56, 56, 84];
const HORIZONTAL_MARGIN = PAGE_MARGINS[0];

/** German first, English second: the vendor is German, partners are not all. */
const LABELS = {
  title: 'Rechnung / Invoice',
  creditNoteTitle: 'Rechnungskorrektur / Credit note',
  number: 'Rechnungsnummer / Invoice no.',
  creditNoteNumber: 'Nummer / Number',
  corrects: 'Korrigiert Rechnung / Corrects invoice',
  date: 'Rechnungsdatum / Invoice date',
  creditNoteDate: 'Datum / Date',
  period: 'Leistungszeitraum / Service period',
  creditedPeriod: 'Korrigierter Zeitraum / Period corrected',
  customer: 'Kunde / Customer',
  position: 'Pos.',
  description: 'Beschreibung / Description',
  quantity: 'Menge / Qty',
  unitPrice: 'Einzelpreis / Unit price',
  total: 'Gesamt / Total',
  net: 'Nettobetrag / Net amount',
  vat: (rate: string) => `USt. / VAT ${rate}`,
  gross: 'Rechnungsbetrag / Total due',
  creditedGross: 'Korrekturbetrag / Total credited',
  vatId: 'USt-IdNr. / VAT ID',
} as const;

export function invoiceTitle(invoice: Pick<InvoiceDocumentData, 'number' | 'corrects'>): string {
  return `${invoice.corrects ? LABELS.creditNoteTitle : LABELS.title} ${invoice.number}`;
}

/**
 * The pdfmake document definition of an invoice: pure, no fonts or files touched. The table header
 * row repeats on every page, so invoices of any length paginate.
 */
export function buildInvoiceDocument(invoice: InvoiceDocumentData): DocumentDefinition {
  const title = invoiceTitle(invoice);
  return {
    info: { title, author: invoice.seller.name, subject: title, creationDate: invoice.issuedAt },
    language: 'de-DE',
    pageSize: PAGE_SIZE,
    pageMargins: PAGE_MARGINS,
    images: invoice.logo ? { logo: imageDataUrl(invoice.logo) } : undefined,
    defaultStyle: DEFAULT_STYLE,
    styles: BASE_STYLES,
    header: continuationHeader(title, HORIZONTAL_MARGIN),
    footer: footer(invoice.seller),
    content: [
      letterhead(invoice),
      addressAndMeta(invoice),
      { text: title, style: 'title', margin: [0, 28, 0, 4] },
      invoice.customerName ? { text: `${LABELS.customer}: ${invoice.customerName}`, margin: [0, 0, 0, 2] } : '',
      linesTable(invoice.lines),
      totals(invoice),
    ],
  };
}

function letterhead(invoice: InvoiceDocumentData): Content {
  const seller = invoice.seller;
  const brand: Content = invoice.logo
    ? { image: 'logo', fit: [170, 60] }
    : { text: seller.name, fontSize: 16, bold: true };
  return {
    columns: [
      { width: '*', stack: [brand] },
      {
        width: 'auto',
        alignment: 'right',
        style: 'small',
        stack: [
          { text: seller.name, bold: true, color: TEXT_COLOR },
          ...addressLines(seller),
          ...sellerContactLines(seller),
        ],
      },
    ],
    columnGap: 16,
    margin: [0, 0, 0, 28],
  };
}

function addressAndMeta(invoice: InvoiceDocumentData): Content {
  const { seller, recipient } = invoice;
  const period = formatPeriod(invoice.periodStart, invoice.periodEnd);
  const meta: [string, string][] = invoice.corrects
    ? [
        [LABELS.creditNoteNumber, invoice.number],
        [LABELS.creditNoteDate, formatDate(invoice.issuedAt)],
        [LABELS.corrects, `${invoice.corrects.number} (${formatDate(invoice.corrects.issuedAt)})`],
        [LABELS.creditedPeriod, period],
      ]
    : [
        [LABELS.number, invoice.number],
        [LABELS.date, formatDate(invoice.issuedAt)],
        [LABELS.period, period],
      ];
  return {
    columns: [
      {
        width: '*',
        stack: [
          // The sender line above the address, as in a windowed envelope (DIN 5008).
          { text: [seller.name, seller.street, `${seller.postalCode} ${seller.city}`].join(' · '), style: 'small', decoration: 'underline', margin: [0, 0, 0, 6] },
          { text: recipient.name, bold: true, fontSize: 10 },
          ...addressLines(recipient).map((line) => ({ text: line, fontSize: 10 })),
        ],
      },
      {
        width: 'auto',
        margin: [0, 14, 0, 0],
        table: {
          body: meta.map(([label, value]) => [
            { text: label, style: 'small' },
            { text: value, alignment: 'right' },
          ]),
        },
        layout: 'noBorders',
      },
    ],
    columnGap: 16,
  };
}

function addressLines(party: PartyAddress | SellerDetails): string[] {
  return [party.street, `${party.postalCode} ${party.city}`, party.country].filter((line) => line.trim() !== '');
}

/** The seller's e-mail and VAT ID, those it has. */
function sellerContactLines(seller: SellerDetails): string[] {
  return [...(seller.email ? [seller.email] : []), ...(seller.vatId ? [`${LABELS.vatId}: ${seller.vatId}`] : [])];
}

function linesTable(lines: InvoiceLineData[]): Content {
  const header = [LABELS.position, LABELS.description, LABELS.quantity, LABELS.unitPrice, LABELS.total].map((text, column) => ({
    text,
    style: 'tableHeader',
    alignment: column === 0 || column === 1 ? 'left' : 'right',
  }));
  const body = lines.map((line, index) => [
    { text: String(index + 1), color: MUTED_COLOR },
    describeLine(line),
    { text: formatDecimal(line.quantity), alignment: 'right' },
    { text: formatMoney(line.unitPriceCents), alignment: 'right' },
    { text: formatMoney(line.totalCents), alignment: 'right' },
  ]);
  return {
    margin: [0, 12, 0, 0],
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [22, '*', 46, 84, 72],
      body: [header, ...body],
    },
    layout: listTableLayout(),
  };
}

function describeLine(line: InvoiceLineData): Content {
  if (!line.periodStart || !line.periodEnd) return { text: line.description };
  return {
    stack: [{ text: line.description }, { text: formatPeriod(line.periodStart, line.periodEnd), style: 'small' }],
  };
}

function totals(invoice: InvoiceDocumentData): Content {
  const rows: ContentNode[][] = [
    [{ text: LABELS.net }, { text: formatMoney(invoice.netCents), alignment: 'right' }],
    [{ text: LABELS.vat(formatPercent(invoice.vatRatePercent)) }, { text: formatMoney(invoice.taxCents), alignment: 'right' }],
    [
      { text: invoice.corrects ? LABELS.creditedGross : LABELS.gross, bold: true, fontSize: 10 },
      { text: formatMoney(invoice.grossCents), alignment: 'right', bold: true, fontSize: 10 },
    ],
  ];
  return {
    // Totals never split across pages, away from the table they sum up.
    unbreakable: true,
    margin: [0, 10, 0, 0],
    columns: [
      { width: '*', text: '' },
      {
        width: 250,
        table: { widths: ['*', 80], body: rows },
        layout: {
          hLineWidth: (lineIndex: number, node: { table: { body: unknown[] } }) => (lineIndex === node.table.body.length - 1 ? 0.8 : 0),
          hLineColor: () => MUTED_COLOR,
          vLineWidth: () => 0,
          paddingLeft: () => 4,
          paddingRight: () => 4,
          paddingTop: () => 3,
          paddingBottom: () => 3,
        },
      },
    ],
  };
}

function footer(seller: SellerDetails): DynamicContent {
  const columns: Content[] = [
    { width: '*', stack: [seller.name, ...addressLines(seller)] },
    { width: '*', stack: sellerContactLines(seller) },
    { width: '*', text: seller.bankDetails ?? '' },
  ];
  return (currentPage, pageCount, pageSize) => ({
    margin: [HORIZONTAL_MARGIN, 14, HORIZONTAL_MARGIN, 0],
    style: 'small',
    stack: [
      footerRule(pageSize.width, HORIZONTAL_MARGIN),
      { columns, columnGap: 12, margin: [0, 4, 0, 0] },
      { text: pageLabel(currentPage, pageCount), alignment: 'right', margin: [0, 2, 0, 0] },
    ],
  });
}
