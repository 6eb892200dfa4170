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

/** German first, English second, as on the invoice. */
const LABELS = {
  title: 'Inventarbericht / Inventory report',
  asOf: 'Stand / As of',
  managedBy: 'Betreut von / Managed by',
  licenses: 'Lizenzen / Licences',
  licensesUsed: (used: string, limit: string) => `${used} von ${limit} belegt / ${used} of ${limit} in use`,
  subscription: 'Abonnement / Subscription',
  trialUntil: (date: string) => `Testphase bis ${date} / Trial until ${date}`,
  trialEnded: (date: string) => `Testphase am ${date} beendet, kein Abonnement / Trial ended on ${date}, no subscription`,
  noSubscription: 'Kein Abonnement / No subscription',
  hosts: 'Hosts',
  noHosts: 'Keine Hosts / No hosts',
  endpoints: 'Endpunkte / Endpoints',
  noEndpoints: 'Keine Endpunkte / No endpoints',
  position: 'Nr.',
  name: 'Name',
  os: 'Betriebssystem / OS',
  url: 'URL',
  interval: 'Intervall / Interval',
  added: 'Angelegt / Added',
} as const;

export function inventoryReportTitle(organizationName: string): string {
  return `${LABELS.title}: ${organizationName}`;
}

/**
 * The pdfmake document definition of an inventory report: pure, no fonts or files touched. Both
 * lists repeat their title and column headers on every page, so organizations of any size paginate.
 */
export function buildInventoryReportDocument(report: InventoryReportData): DocumentDefinition {
  const title = inventoryReportTitle(report.organizationName);
  return {
    info: { title, subject: LABELS.title, creationDate: report.generatedAt },
    language: 'de-DE',
    pageSize: PAGE_SIZE,
    pageMargins: PAGE_MARGINS,
    images: report.logo ? { logo: imageDataUrl(report.logo) } : undefined,
    defaultStyle: DEFAULT_STYLE,
    styles: { ...BASE_STYLES, listTitle: { fontSize: 12, bold: true, margin: [0, 0, 0, 2] } },
    header: continuationHeader(title, HORIZONTAL_MARGIN),
    footer: footer(report),
    content: [
      letterhead(report),
      licenseUsage(report.licenses),
      hostsSection(report.hosts),
      endpointsSection(report.endpoints),
    ],
  };
}

function letterhead(report: InventoryReportData): Content {
  const heading: Content[] = [
    { text: LABELS.title, style: 'title' },
    { text: report.organizationName, fontSize: 11, bold: true },
    ...(report.partnerName ? [{ text: `${LABELS.managedBy}: ${report.partnerName}`, style: 'small' }] : []),
    { text: `${LABELS.asOf}: ${formatDate(report.generatedAt)}`, style: 'small', margin: [0, 2, 0, 0] },
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

/** `12 von 50 belegt / 12 of 50 in use` and where the limit comes from. */
export function licenseUsageLines(licenses: InventoryLicenseUsage): [string, string] {
  const used = LABELS.licensesUsed(formatDecimal(licenses.used), formatDecimal(licenses.limit));
  if (licenses.source === 'subscription') return [used, LABELS.subscription];
  const trialEnd = licenses.trialEndsAt ? formatDate(licenses.trialEndsAt) : null;
  if (licenses.source === 'trial' && trialEnd) return [used, LABELS.trialUntil(trialEnd)];
  return [used, trialEnd ? LABELS.trialEnded(trialEnd) : LABELS.noSubscription];
}

function licenseUsage(licenses: InventoryLicenseUsage): Content {
  const [used, source] = licenseUsageLines(licenses);
  return {
    table: {
      widths: ['*'],
      body: [
        [{ stack: [{ text: LABELS.licenses, style: 'tableHeader' }, { text: used, fontSize: 11, bold: true }, { text: source, style: 'small' }] }],
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
function listSection({ title, emptyText, columns, rows }: ListSection): Content {
  const heading = `${title} (${formatDecimal(rows.length)})`;
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

function hostsSection(hosts: InventoryHost[]): Content {
  return listSection({
    title: LABELS.hosts,
    emptyText: LABELS.noHosts,
    columns: [
      { label: LABELS.position, width: 28 },
      { label: LABELS.name, width: 'rest' },
      { label: LABELS.os, width: 130 },
      { label: LABELS.added, width: 56 },
    ],
    rows: hosts.map((host, index) => [
      { text: String(index + 1), color: MUTED_COLOR },
      host.name,
      host.os ? host.os : { text: '–', color: MUTED_COLOR },
      formatDate(host.createdAt),
    ]),
  });
}

function endpointsSection(endpoints: InventoryEndpoint[]): Content {
  return listSection({
    title: LABELS.endpoints,
    emptyText: LABELS.noEndpoints,
    columns: [
      { label: LABELS.position, width: 28 },
      { label: LABELS.name, width: 100 },
      { label: LABELS.url, width: 'rest' },
      { label: LABELS.interval, width: 44 },
      { label: LABELS.added, width: 56 },
    ],
    rows: endpoints.map((endpoint, index) => [
      { text: String(index + 1), color: MUTED_COLOR },
      endpoint.name,
      endpoint.url,
      formatInterval(endpoint.intervalSeconds),
      formatDate(endpoint.createdAt),
    ]),
  });
}

/** 300 → `5 min`, 3600 → `1 h`, 45 → `45 s`. */
export function formatInterval(seconds: number): string {
  if (seconds > 0 && seconds % 3600 === 0) return `${formatDecimal(seconds / 3600)}${NBSP}h`;
  if (seconds > 0 && seconds % 60 === 0) return `${formatDecimal(seconds / 60)}${NBSP}min`;
  return `${formatDecimal(seconds)}${NBSP}s`;
}

function footer(report: InventoryReportData): DynamicContent {
  const left = `${report.organizationName} · ${LABELS.title} · ${formatDate(report.generatedAt)}`;
  return (currentPage, pageCount, pageSize) => ({
    margin: [HORIZONTAL_MARGIN, 20, HORIZONTAL_MARGIN, 0],
    style: 'small',
    stack: [
      footerRule(pageSize.width, HORIZONTAL_MARGIN),
      {
        columns: [
          { width: '*', text: left },
          { width: 'auto', text: pageLabel(currentPage, pageCount) },
        ],
        columnGap: 12,
        margin: [0, 4, 0, 0],
      },
    ],
  });
}
