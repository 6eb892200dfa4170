// Pure part of the benchmark: figures from autocannon results, the targets, and the printed report.
import { CpuFigures, NO_CPU_FIGURES } from './cpu';

/** What autocannon reports that the benchmark keeps (a subset of its Result). */
export interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}

export interface Figures extends CpuFigures {
  /** Requests per second, mean over the measured seconds. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
}

export type ScenarioKey = 'meOrganizationsBig' | 'meOrganizationsSmall' | 'hosts' | 'hostsApiKey' | 'overviewBig' | 'bareHosts';

export type BenchFigures = Record<ScenarioKey, Figures>;

export const SCENARIO_LABELS: Record<ScenarioKey, string> = {
  meOrganizationsBig: 'partnerhub GET /me/organizations, first 10 (10 000 customers)',
  meOrganizationsSmall: 'partnerhub GET /me/organizations, first 10 (10 customers)',
  hosts: 'partnerhub GET /organizations/:id/hosts (500 hosts)',
  hostsApiKey: 'partnerhub GET /organizations/:id/hosts with an API key',
  overviewBig: 'partnerhub GET /organizations/:id/overview, first 50 (10 000 customers)',
  bareHosts: 'bare node:http + pg, same hosts query, no auth',
};

export const TARGETS = {
  /** partnerhub hosts req/s ÷ bare server hosts req/s. */
  minHostsRatio: 0.5,
  /** p99 latency of every partnerhub route. */
  maxP99Ms: 50,
  /** "big ≈ small": the 10 000-customer partner's first page at least this share of the 10-customer one's req/s. */
  minBigOverSmall: 0.8,
  /** An API key's hosts read at least this share of a JWT's req/s: a key costs about what a token does. */
  minApiKeyOverJwt: 0.8,
};

export interface Check {
  name: string;
  value: string;
  target: string;
  pass: boolean;
  note?: string;
}

/** Above this share of CPU used by other processes during a run, its req/s and latencies are not trustworthy. */
export const NOISY_OTHER_LOAD_PERCENT = 10;

export function toFigures(result: LoadResult, cpu: CpuFigures = NO_CPU_FIGURES): Figures {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, Number(stats.count)]),
  );
  return {
    requestsPerSecond: round(result.requests.average, 1),
    p50Ms: round(result.latency.p50, 2),
    p99Ms: round(result.latency.p99, 2),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
    ...cpu,
  };
}

/** a ÷ b, or null when b is zero. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? round(a / b, 3) : null;
}

/** True when every response of the run was a 2xx and no connection failed. */
export function isClean(figures: Figures): boolean {
  return figures.non2xx === 0 && figures.errors === 0 && figures.requests > 0;
}

export function evaluate(figures: BenchFigures, targets = TARGETS): Check[] {
  const checks: Check[] = [];
  const unclean = (key: ScenarioKey) =>
    isClean(figures[key]) ? undefined : `not comparable: ${describeFailures(figures[key])}`;

  const hostsRatio = ratio(figures.hosts.requestsPerSecond, figures.bareHosts.requestsPerSecond);
  const hostsNote = unclean('hosts') ?? unclean('bareHosts');
  checks.push({
    name: 'hosts req/s partnerhub ÷ bare',
    value: formatNumber(hostsRatio, 2),
    target: `≥ ${targets.minHostsRatio}`,
    pass: !hostsNote && hostsRatio !== null && hostsRatio >= targets.minHostsRatio,
    note: hostsNote,
  });

  const keyOverJwt = ratio(figures.hostsApiKey.requestsPerSecond, figures.hosts.requestsPerSecond);
  const keyNote = unclean('hostsApiKey') ?? unclean('hosts');
  checks.push({
    name: 'hosts req/s API key ÷ JWT',
    value: formatNumber(keyOverJwt, 2),
    target: `≥ ${targets.minApiKeyOverJwt}`,
    pass: !keyNote && keyOverJwt !== null && keyOverJwt >= targets.minApiKeyOverJwt,
    note: keyNote,
  });

  for (const key of ['meOrganizationsBig', 'meOrganizationsSmall', 'hosts', 'hostsApiKey', 'overviewBig'] as const) {
    const note = unclean(key);
    checks.push({
      name: `p99 ${SCENARIO_LABELS[key].replace(/^partnerhub /, '')}`,
      value: `${formatNumber(figures[key].p99Ms, 1)} ms`,
      target: `< ${targets.maxP99Ms} ms`,
      pass: !note && figures[key].p99Ms < targets.maxP99Ms,
      note,
    });
  }

  const bigOverSmall = ratio(figures.meOrganizationsBig.requestsPerSecond, figures.meOrganizationsSmall.requestsPerSecond);
  const meNote = unclean('meOrganizationsBig') ?? unclean('meOrganizationsSmall');
  checks.push({
    name: '/me/organizations req/s 10 000 ÷ 10 customers',
    value: formatNumber(bigOverSmall, 2),
    target: `≥ ${targets.minBigOverSmall} (big ≈ small)`,
    pass: !meNote && bigOverSmall !== null && bigOverSmall >= targets.minBigOverSmall,
    note: meNote,
  });
  return checks;
}

export function describeFailures(figures: Figures): string {
  if (figures.requests === 0) return 'no responses';
  const codes = Object.entries(figures.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, count]) => `${count}× ${code}`);
  const parts = [...codes];
  if (codes.length === 0 && figures.non2xx > 0) parts.push(`${figures.non2xx} non-2xx`);
  if (figures.errors > 0) parts.push(`${figures.errors} connection errors`);
  return parts.join(', ') || 'clean';
}

/** Left-aligned first column, right-aligned others, one space of padding, a rule under the header. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function formatReport(figures: BenchFigures, checks: Check[]): string {
  const keys = Object.keys(SCENARIO_LABELS) as ScenarioKey[];
  const scenarioTable = formatTable(
    ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors', 'server CPU ms/req', 'pg CPU ms/req', 'other load %'],
    keys.map((key) => {
      const f = figures[key];
      return [
        SCENARIO_LABELS[key],
        formatNumber(f.requestsPerSecond, 0),
        formatNumber(f.p50Ms, 1),
        formatNumber(f.p99Ms, 1),
        String(f.requests),
        String(f.non2xx),
        String(f.errors),
        formatNumber(f.serverMsPerRequest, 2),
        formatNumber(f.postgresMsPerRequest, 2),
        formatNumber(f.otherLoadPercent, 0),
      ];
    }),
  );
  const checkTable = formatTable(
    ['target', 'value', 'goal', 'result'],
    checks.map((check) => [check.name, check.value, check.target, check.pass ? 'PASS' : `FAIL${check.note ? ` (${check.note})` : ''}`]),
  );
  const noisy = keys.filter((key) => (figures[key].otherLoadPercent ?? 0) > NOISY_OTHER_LOAD_PERCENT);
  const warning = noisy.length
    ? `\nwarning: other processes used more than ${NOISY_OTHER_LOAD_PERCENT} % of the CPUs during ${noisy.length} of ${keys.length} runs; ` +
      'req/s and latencies are noisy, CPU ms/req less so. Re-run on a quiet machine.'
    : '';
  return `${scenarioTable}\n${warning}\n\n${checkTable}`;
}

export function formatNumber(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
