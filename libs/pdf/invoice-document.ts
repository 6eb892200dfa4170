import { Locale, translator } from '../i18n';
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

/** The invoice's labels in its recipient's language (libs/i18n). */
function labelsFor(locale: Locale) {
  const t = translator(locale);
  const label = (key: string, values: Record<string, string> = {}) => t(`pdf.invoice.${key}`, values) as string;
  return {
    title: label('title'),
    creditNoteTitle: label('creditNoteTitle'),
    number: label('number'),
    creditNoteNumber: label('creditNoteNumber'),
    corrects: label('corrects'),
    date: label('date'),
    creditNoteDate: label('creditNoteDate'),
    period: label('period'),
    creditedPeriod: label('creditedPeriod'),
    customer: label('customer'),
    position: label('position'),
    description: label('description'),
    quantity: label('quantity'),
    unitPrice: label('unitPrice'),
    total: label('total'),
    net: label('net'),
    vat: (rate: string) => label('vat', { rate }),
    gross: label('gross'),
    creditedGross: label('creditedGross'),
    vatId: label('vatId'),
    taxNumber: label('taxNumber'),
    recipientVatId: label('recipientVatId'),
    reverseCharge: label('reverseCharge'),
    outsideEu: label('outsideEu'),
    dueDate: label('dueDate'),
    iban: label('iban'),
    bic: label('bic'),
    paidByDirectDebit: (values: { date: string; account: string; mandate: string; creditor: string }) => label('paidByDirectDebit', values),
    paidByCard: (values: { date: string; card: string }) => label('paidByCard', values),
    payByTransfer: (values: { date: string; iban: string; number: string }) => label('payByTransfer', values),
    refundedLikeInvoice: (values: { number: string }) => label('refundedLikeInvoice', values),
    creditReason: (reason: string) => label('creditReason', { reason }),
  };
}

type Labels = ReturnType<typeof labelsFor>;

export function invoiceTitle(invoice: Pick<InvoiceDocumentData, 'number' | 'corrects' | 'locale'>): string {
  const labels = labelsFor(invoice.locale);
  return `${invoice.corrects ? labels.creditNoteTitle : labels.title} ${invoice.number}`;
}

/**
 * The pdfmake document definition of an invoice: pure, no fonts or files touched. The table header
 * row repeats on every page, so invoices of any length paginate.
 */
export function buildInvoiceDocument(invoice: InvoiceDocumentData): DocumentDefinition {
  const title = invoiceTitle(invoice);
  const labels = labelsFor(invoice.locale);
  return {
    info: { title, author: invoice.seller.name, subject: title, creationDate: invoice.issuedAt },
    language: invoice.locale === 'en' ? 'en-GB' : 'de-DE',
    pageSize: PAGE_SIZE,
    pageMargins: PAGE_MARGINS,
    images: invoice.logo ? { logo: imageDataUrl(invoice.logo) } : undefined,
    defaultStyle: DEFAULT_STYLE,
    styles: BASE_STYLES,
    header: continuationHeader(title, HORIZONTAL_MARGIN, invoice.locale),
    footer: footer(invoice.seller, labels, invoice.locale),
    content: [
      letterhead(invoice, labels),
      addressAndMeta(invoice, labels),
      { text: title, style: 'title', margin: [0, 28, 0, 4] },
      invoice.customerName ? { text: `${labels.customer}: ${invoice.customerName}`, margin: [0, 0, 0, 2] } : '',
      invoice.corrects && invoice.creditReason ? { text: labels.creditReason(invoice.creditReason), margin: [0, 0, 0, 2] } : '',
      linesTable(invoice.lines, labels, invoice.locale),
      totals(invoice, labels),
      invoice.vatNote ? { text: invoice.vatNote === 'reverse-charge' ? labels.reverseCharge : labels.outsideEu, bold: true, margin: [0, 14, 0, 0] } : '',
      { text: paymentSentence(invoice), margin: [0, 14, 0, 0] },
    ],
  };
}

function letterhead(invoice: InvoiceDocumentData, labels: Labels): Content {
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
          ...addressLines(seller, invoice.locale),
          ...sellerContactLines(seller, labels),
        ],
      },
    ],
    columnGap: 16,
    margin: [0, 0, 0, 28],
  };
}

function addressAndMeta(invoice: InvoiceDocumentData, labels: Labels): Content {
  const { seller, recipient, locale } = invoice;
  const period = formatPeriod(invoice.periodStart, invoice.periodEnd, locale);
  const meta: [string, string][] = invoice.corrects
    ? [
        [labels.creditNoteNumber, invoice.number],
        [labels.creditNoteDate, formatDate(invoice.issuedAt, locale)],
        [labels.corrects, `${invoice.corrects.number} (${formatDate(invoice.corrects.issuedAt, locale)})`],
        [labels.creditedPeriod, period],
      ]
    : [
        [labels.number, invoice.number],
        [labels.date, formatDate(invoice.issuedAt, locale)],
        [labels.period, period],
        ...(invoice.dueAt ? ([[labels.dueDate, formatDate(invoice.dueAt, locale)]] as [string, string][]) : []),
      ];
  return {
    columns: [
      {
        width: '*',
        stack: [
          // The sender line above the address, as in a windowed envelope (DIN 5008).
          { text: [seller.name, seller.street, `${seller.postalCode} ${seller.city}`].join(' · '), style: 'small', decoration: 'underline', margin: [0, 0, 0, 6] },
          { text: recipient.name, bold: true, fontSize: 10 },
          ...addressLines(recipient, locale).map((line) => ({ text: line, fontSize: 10 })),
          ...(recipient.vatId ? [{ text: `${labels.recipientVatId}: ${recipient.vatId}`, style: 'small', margin: [0, 4, 0, 0] as [number, number, number, number] }] : []),
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

function addressLines(party: PartyAddress | SellerDetails, locale: Locale): string[] {
  return [party.street, `${party.postalCode} ${party.city}`, countryName(party.country, locale)].filter((line) => line.trim() !== '');
}

const COUNTRY_NAMES: Record<Locale, Intl.DisplayNames> = {
  de: new Intl.DisplayNames('de-DE', { type: 'region' }),
  en: new Intl.DisplayNames('en-GB', { type: 'region' }),
};

/** Countries are stored as ISO 3166-1 alpha-2 codes; the address prints the country's name in the recipient's language. */
function countryName(country: string, locale: Locale): string {
  return /^[A-Z]{2}$/.test(country) ? (COUNTRY_NAMES[locale].of(country) ?? country) : country;
}

/** The seller's e-mail and VAT ID (else tax number), those it has. */
function sellerContactLines(seller: SellerDetails, labels: Labels): string[] {
  const taxLine = seller.vatId ? `${labels.vatId}: ${seller.vatId}` : seller.taxNumber ? `${labels.taxNumber}: ${seller.taxNumber}` : undefined;
  return [...(seller.email ? [seller.email] : []), ...(taxLine ? [taxLine] : [])];
}

function linesTable(lines: InvoiceLineData[], labels: Labels, locale: Locale): Content {
  const header = [labels.position, labels.description, labels.quantity, labels.unitPrice, labels.total].map((text, column) => ({
    text,
    style: 'tableHeader',
    alignment: column === 0 || column === 1 ? 'left' : 'right',
  }));
  const body = lines.map((line, index) => [
    { text: String(index + 1), color: MUTED_COLOR },
    describeLine(line, locale),
    { text: formatDecimal(line.quantity, 2, locale), alignment: 'right' },
    { text: formatMoney(line.unitPriceCents, locale), alignment: 'right' },
    { text: formatMoney(line.totalCents, locale), alignment: 'right' },
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

function describeLine(line: InvoiceLineData, locale: Locale): Content {
  if (!line.periodStart || !line.periodEnd) return { text: line.description };
  return {
    stack: [{ text: line.description }, { text: formatPeriod(line.periodStart, line.periodEnd, locale), style: 'small' }],
  };
}

function totals(invoice: InvoiceDocumentData, labels: Labels): Content {
  const { locale } = invoice;
  const rows: ContentNode[][] = [
    [{ text: labels.net }, { text: formatMoney(invoice.netCents, locale), alignment: 'right' }],
    [{ text: labels.vat(formatPercent(invoice.vatRatePercent, locale)) }, { text: formatMoney(invoice.taxCents, locale), alignment: 'right' }],
    [
      { text: invoice.corrects ? labels.creditedGross : labels.gross, bold: true, fontSize: 10 },
      { text: formatMoney(invoice.grossCents, locale), alignment: 'right', bold: true, fontSize: 10 },
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

/** How the invoice is paid (§14 UStG asks for it with the due date); a credit note is refunded the way its invoice was paid. */
export function paymentSentence(invoice: InvoiceDocumentData): string {
  const labels = labelsFor(invoice.locale);
  if (invoice.corrects) return labels.refundedLikeInvoice({ number: invoice.corrects.number });
  const date = invoice.dueAt ? formatDate(invoice.dueAt, invoice.locale) : formatDate(invoice.issuedAt, invoice.locale);
  const { payment } = invoice;
  switch (payment.method) {
    case 'sepa-direct-debit':
      return labels.paidByDirectDebit({ date, account: payment.account, mandate: payment.mandateReference, creditor: payment.creditorId });
    case 'card':
      return labels.paidByCard({ date, card: payment.card });
    case 'credit-transfer':
      return labels.payByTransfer({ date, iban: invoice.seller.bank ? printIban(invoice.seller.bank.iban) : '', number: invoice.number });
  }
}

/** The IBAN's print format: groups of four. */
const printIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

function bankLines(seller: SellerDetails, labels: Labels): string[] {
  if (!seller.bank) return [];
  const { name, iban, bic } = seller.bank;
  return [...(name ? [name] : []), `${labels.iban} ${printIban(iban)}`, ...(bic ? [`${labels.bic} ${bic}`] : [])];
}

function footer(seller: SellerDetails, labels: Labels, locale: Locale): DynamicContent {
  const columns: Content[] = [
    { width: '*', stack: [seller.name, ...addressLines(seller, locale)] },
    { width: '*', stack: sellerContactLines(seller, labels) },
    { width: '*', stack: bankLines(seller, labels) },
  ];
  return (currentPage, pageCount, pageSize) => ({
    margin: [HORIZONTAL_MARGIN, 14, HORIZONTAL_MARGIN, 0],
    style: 'small',
    stack: [
      footerRule(pageSize.width, HORIZONTAL_MARGIN),
      { columns, columnGap: 12, margin: [0, 4, 0, 0] },
      { text: pageLabel(currentPage, pageCount, locale), alignment: 'right', margin: [0, 2, 0, 0] },
    ],
  });
}
