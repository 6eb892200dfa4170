import { Locale, translator } from '../i18n';
import type { Content, DocumentDefinition, DynamicContent } from 'pdfmake';
import { formatDate } from './dates';
import type { InventoryEndpoint, InventoryHost, InventoryLicenseUsage, InventoryReportData } from './inventory-report-data';
import {
  A4_WIDTH,
  BASE_STYLES,
  DEFAULT_STYLE,
  LIST_CELL_PADDING,
  MUTED_COLOR,
  PAGE_SIZE,
  RULE_COLOR,
  continuationHeader,
  footerRule,
  imageDataUrl,
  listTableLayout,
  pageLabel,
} from './layout';
import { NBSP, formatDecimal } from './money';

// A4 in points, the invoice's side margins; the bottom margin leaves room for the footer.
const PAGE_MARGINS: [number, number, number, number] = [56, 56, 56, 64];
const HORIZONTAL_MARGIN = PAGE_MARGINS[0];
const CONTENT_WIDTH = A4_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const LOGO_BOX: [number, number] = [120, 50];

/** The report's words in the organization's language (libs/i18n). */
function labelsFor(locale: Locale) {
  const t = translator(locale);
  const label = (key: string, values: Record<string, string> = {}) => t(`pdf.inventory.${key}`, values) as string;
  return {
    locale,
    title: label('title'),
    asOf: label('asOf'),
    managedBy: label('managedBy'),
    licenses: label('licenses'),
    licensesUsed: (used: string, limit: string) => label('licensesUsed', { used, limit }),
    subscription: label('subscription'),
    trialUntil: (date: string) => label('trialUntil', { date }),
    trialEnded: (date: string) => label('trialEnded', { date }),
    noSubscription: label('noSubscription'),
    hosts: label('hosts'),
    noHosts: label('noHosts'),
    endpoints: label('endpoints'),
    noEndpoints: label('noEndpoints'),
    position: label('position'),
    name: label('name'),
    os: label('os'),
    url: label('url'),
    interval: label('interval'),
    added: label('added'),
  };
}

type Labels = ReturnType<typeof labelsFor>;

export function inventoryReportTitle(organizationName: string, locale: Locale): string {
  return `${labelsFor(locale).title}: ${organizationName}`;
}

/**
 * The pdfmake document definition of an inventory report: pure, no fonts or files touched. Both
 * lists repeat their title and column headers on every page, so organizations of any size paginate.
 */
export function buildInventoryReportDocument(report: InventoryReportData): DocumentDefinition {
  const title = inventoryReportTitle(report.organizationName, report.locale);
  const labels = labelsFor(report.locale);
  return {
    info: { title, subject: labels.title, creationDate: report.generatedAt },
    language: report.locale === 'en' ? 'en-GB' : 'de-DE',
    pageSize: PAGE_SIZE,
    pageMargins: PAGE_MARGINS,
    images: report.logo ? { logo: imageDataUrl(report.logo) } : undefined,
    defaultStyle: DEFAULT_STYLE,
    styles: { ...BASE_STYLES, listTitle: { fontSize: 12, bold: true, margin: [0, 0, 0, 2] } },
    header: continuationHeader(title, HORIZONTAL_MARGIN, report.locale),
    footer: footer(report, labels),
    content: [
      letterhead(report, labels),
      licenseUsage(report.licenses, labels),
      hostsSection(report.hosts, labels),
      endpointsSection(report.endpoints, labels),
    ],
  };
}

function letterhead(report: InventoryReportData, labels: Labels): Content {
  const heading: Content[] = [
    { text: labels.title, style: 'title' },
    { text: report.organizationName, fontSize: 11, bold: true },
    ...(report.partnerName ? [{ text: `${labels.managedBy}: ${report.partnerName}`, style: 'small' }] : []),
    { text: `${labels.asOf}: ${formatDate(report.generatedAt, labels.locale)}`, style: 'small', margin: [0, 2, 0, 0] },
  ];
  // Without a logo the heading, which names the organization already, stands alone.
  if (!report.logo) return { stack: heading, margin: [0, 0, 0, 24] };
  return {
    columns: [
      { width: LOGO_BOX[0], image: 'logo', fit: LOGO_BOX },
      { width: '*', alignment: 'right', stack: heading },
    ],
    columnGap: 16,
    margin: [0, 0, 0, 24],
  };
}

/** `12 von 50 belegt` (`12 of 50 in use`) and where the limit comes from. */
export function licenseUsageLines(licenses: InventoryLicenseUsage, locale: Locale): [string, string] {
  const labels = labelsFor(locale);
  const used = labels.licensesUsed(formatDecimal(licenses.used, 2, locale), formatDecimal(licenses.limit, 2, locale));
  if (licenses.source === 'subscription') return [used, labels.subscription];
  const trialEnd = licenses.trialEndsAt ? formatDate(licenses.trialEndsAt, locale) : null;
  if (licenses.source === 'trial' && trialEnd) return [used, labels.trialUntil(trialEnd)];
  return [used, trialEnd ? labels.trialEnded(trialEnd) : labels.noSubscription];
}

function licenseUsage(licenses: InventoryLicenseUsage, labels: Labels): Content {
  const [used, source] = licenseUsageLines(licenses, labels.locale);
  return {
    table: {
      widths: ['*'],
      body: [
        [{ stack: [{ text: labels.licenses, style: 'tableHeader' }, { text: used, fontSize: 11, bold: true }, { text: source, style: 'small' }] }],
      ],
    },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
      hLineColor: () => RULE_COLOR,
      vLineColor: () => RULE_COLOR,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
  };
}

interface ListSection {
  locale: Locale;
  title: string;
  emptyText: string;
  /** One column (name, URL) takes the width the others leave. */
  columns: { label: string; width: number | 'rest' }[];
  rows: Content[][];
}

/**
 * A titled list. The title and the column headers are the table's header rows, so both repeat on
 * every page and never stay behind alone at the bottom of one (`keepWithHeaderRows`). An empty list
 * is one line of text, not a table without rows.
 */
function listSection({ title, emptyText, locale, columns, rows }: ListSection): Content {
  const heading = `${title} (${formatDecimal(rows.length, 2, locale)})`;
  if (rows.length === 0) {
    // Placed where a table's title cell would put it (table margin + cell padding).
    const margin = [LIST_CELL_PADDING, 16 + LIST_CELL_PADDING, 0, 0];
    return { stack: [{ text: heading, style: 'listTitle' }, { text: emptyText, color: MUTED_COLOR }], margin };
  }
  const titleRow: Content[] = columns.map((_, column) =>
    column === 0 ? { text: heading, style: 'listTitle', colSpan: columns.length } : {},
  );
  return {
    margin: [0, 16, 0, 0],
    table: {
      headerRows: 2,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: columnWidths(columns.map((column) => column.width)),
      body: [titleRow, columns.map(({ label }) => ({ text: label, style: 'tableHeader' })), ...rows],
    },
    layout: listTableLayout(1),
  };
}

/**
 * Every column gets a fixed width. pdfmake widens a `*` or `auto` column to its longest word, so a
 * long host name or URL would push the table off the page; in a fixed column it wraps, mid-word if
 * it has to.
 */
function columnWidths(widths: (number | 'rest')[]): number[] {
  const taken = widths.reduce<number>((sum, width) => sum + (width === 'rest' ? 0 : width) + 2 * LIST_CELL_PADDING, 0);
  return widths.map((width) => (width === 'rest' ? CONTENT_WIDTH - taken : width));
}

function hostsSection(hosts: InventoryHost[], labels: Labels): Content {
  return listSection({
    title: labels.hosts,
    emptyText: labels.noHosts,
    locale: labels.locale,
    columns: [
      { label: labels.position, width: 28 },
      { label: labels.name, width: 'rest' },
      { label: labels.os, width: 130 },
      { label: labels.added, width: 56 },
    ],
    rows: hosts.map((host, index) => [
      { text: String(index + 1), color: MUTED_COLOR },
      host.name,
      host.os ? host.os : { text: '–', color: MUTED_COLOR },
      formatDate(host.createdAt, labels.locale),
    ]),
  });
}

function endpointsSection(endpoints: InventoryEndpoint[], labels: Labels): Content {
  return listSection({
    title: labels.endpoints,
    emptyText: labels.noEndpoints,
    locale: labels.locale,
    columns: [
      { label: labels.position, width: 28 },
      { label: labels.name, width: 100 },
      { label: labels.url, width: 'rest' },
      { label: labels.interval, width: 44 },
      { label: labels.added, width: 56 },
    ],
    rows: endpoints.map((endpoint, index) => [
      { text: String(index + 1), color: MUTED_COLOR },
      endpoint.name,
      endpoint.url,
      formatInterval(endpoint.intervalSeconds, labels.locale),
      formatDate(endpoint.createdAt, labels.locale),
    ]),
  });
}

/** 300 → `5 min`, 3600 → `1 h`, 45 → `45 s`. */
export function formatInterval(seconds: number, locale: Locale = 'de'): string {
  if (seconds > 0 && seconds % 3600 === 0) return `${formatDecimal(seconds / 3600, 2, locale)}${NBSP}h`;
  if (seconds > 0 && seconds % 60 === 0) return `${formatDecimal(seconds / 60, 2, locale)}${NBSP}min`;
  return `${formatDecimal(seconds, 2, locale)}${NBSP}s`;
}

function footer(report: InventoryReportData, labels: Labels): DynamicContent {
  const left = `${report.organizationName} · ${labels.title} · ${formatDate(report.generatedAt, labels.locale)}`;
  return (currentPage, pageCount, pageSize) => ({
    margin: [HORIZONTAL_MARGIN, 20, HORIZONTAL_MARGIN, 0],
    style: 'small',
    stack: [
      footerRule(pageSize.width, HORIZONTAL_MARGIN),
      {
        columns: [
          { width: '*', text: left },
          { width: 'auto', text: pageLabel(currentPage, pageCount, labels.locale) },
        ],
        columnGap: 12,
        margin: [0, 4, 0, 0],
      },
    ],
  });
}
