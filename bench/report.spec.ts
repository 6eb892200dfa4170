import { BenchFigures, Figures, evaluate, formatReport, formatTable, ratio, toFigures } from './report';

function figures(overrides: Partial<Figures> = {}): Figures {
  return {
    requestsPerSecond: 1000,
    p50Ms: 5,
    p99Ms: 20,
    requests: 10_000,
    non2xx: 0,
    errors: 0,
    statusCodes: { '200': 10_000 },
    serverMsPerRequest: 0.5,
    postgresMsPerRequest: 0.2,
    otherLoadPercent: 0,
    ...overrides,
  };
}

function bench(overrides: Partial<BenchFigures> = {}): BenchFigures {
  return {
    meOrganizationsBig: figures({ requestsPerSecond: 900 }),
    meOrganizationsSmall: figures({ requestsPerSecond: 1000 }),
    hosts: figures({ requestsPerSecond: 1200 }),
    hostsApiKey: figures({ requestsPerSecond: 1100 }),
    overviewBig: figures({ requestsPerSecond: 400 }),
    bareHosts: figures({ requestsPerSecond: 2000 }),
    ...overrides,
  };
}

describe('bench report', () => {
  it('keeps what autocannon reports, rounded', () => {
    const result = toFigures({
      requests: { average: 1234.5678, total: 12_345 },
      latency: { p50: 3.456, p99: 48.999 },
      duration: 10,
      non2xx: 2,
      errors: 1,
      timeouts: 1,
      statusCodeStats: { '200': { count: 12_343 }, '404': { count: 2 } },
    });
    expect(result).toEqual({
      requestsPerSecond: 1234.6,
      p50Ms: 3.46,
      p99Ms: 49,
      requests: 12_345,
      non2xx: 2,
      errors: 2,
      statusCodes: { '200': 12_343, '404': 2 },
      serverMsPerRequest: null,
      postgresMsPerRequest: null,
      otherLoadPercent: null,
    });
  });

  it('computes ratios, null when dividing by zero', () => {
    expect(ratio(1, 3)).toBe(0.333);
    expect(ratio(1, 0)).toBeNull();
  });

  it('passes every target when the figures meet them', () => {
    const checks = evaluate(bench());
    expect(checks.map((check) => [check.name, check.value, check.pass])).toEqual([
      ['hosts req/s partnerhub ÷ bare', '0.60', true],
      ['hosts req/s API key ÷ JWT', '0.92', true],
      ['p99 GET /me/organizations, first 10 (10 000 customers)', '20.0 ms', true],
      ['p99 GET /me/organizations, first 10 (10 customers)', '20.0 ms', true],
      ['p99 GET /organizations/:id/hosts (500 hosts)', '20.0 ms', true],
      ['p99 GET /organizations/:id/hosts with an API key', '20.0 ms', true],
      ['p99 GET /organizations/:id/overview, first 50 (10 000 customers)', '20.0 ms', true],
      ['/me/organizations req/s 10 000 ÷ 10 customers', '0.90', true],
    ]);
  });

  it('fails the ratio, the p99 and big ≈ small when they are missed', () => {
    const checks = evaluate(
      bench({ hosts: figures({ requestsPerSecond: 900, p99Ms: 50 }), hostsApiKey: figures({ requestsPerSecond: 700 }), meOrganizationsBig: figures({ requestsPerSecond: 700 }) }),
    );
    expect(checks.filter((check) => !check.pass).map((check) => check.name)).toEqual([
      'hosts req/s partnerhub ÷ bare',
      'hosts req/s API key ÷ JWT',
      'p99 GET /organizations/:id/hosts (500 hosts)',
      '/me/organizations req/s 10 000 ÷ 10 customers',
    ]);
  });

  it('does not pass a target measured on error responses, and says why', () => {
    const missingRoute = figures({ requestsPerSecond: 5000, non2xx: 10_000, statusCodes: { '404': 10_000 } });
    const [hostsRatio] = evaluate(bench({ hosts: missingRoute }));
    expect(hostsRatio).toMatchObject({ pass: false, note: 'not comparable: 10000× 404' });
  });

  it('formats an aligned table', () => {
    expect(formatTable(['name', 'n'], [['a', '1'], ['long name', '100']])).toBe(
      ['name         n', '---------  ---', 'a            1', 'long name  100'].join('\n'),
    );
  });

  it('warns when other processes loaded the machine', () => {
    const quiet = formatReport(bench(), evaluate(bench()));
    expect(quiet).not.toContain('warning');
    const noisy = bench({ bareHosts: figures({ otherLoadPercent: 40 }) });
    expect(formatReport(noisy, evaluate(noisy))).toContain('warning: other processes used more than 10 %');
  });
});
