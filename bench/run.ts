// `npm run bench`: seeds partnerhub_bench, starts the real API and a bare node:http + pg
// server as child processes, loads both with autocannon and prints the figures.
//
// Environment (all optional):
//   BENCH_POSTGRES_URL  PostgreSQL server to use (default: DATABASE_URL's server, else 127.0.0.1:5432);
//                       only its database partnerhub_bench is dropped and re-created
//   REDIS_URL           Redis for the API (default redis://127.0.0.1:6379)
//   BENCH_CONNECTIONS   concurrent connections (10)
//   BENCH_DURATION      measured seconds per scenario (10)
//   BENCH_WARMUP        warm-up seconds per scenario, discarded (5), once for all scenarios before the
//                       first is measured and again before each: on this 2-core machine V8 is still
//                       optimizing the API's hot paths after several seconds
//   BENCH_LOG_LEVEL     LOG_LEVEL of the API (warn)
//   BENCH_NODE_ARGS     extra node flags for the API process, e.g. "--cpu-prof --cpu-prof-dir=var/prof"
import { randomBytes } from 'node:crypto';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { CpuMeter } from './cpu';
import { BENCH_SELLER_ENV, benchPostgresUrl, numberFromEnv } from './env';
import { LoadOptions, Probe, Target, bearer, createApiKey, login, measure, measureCsvExport, probe, warmUp } from './measure';
import { formatPdfRenderReport, measureInvoicePdfRender } from './pdf-render';
import { BenchFigures, SCENARIO_LABELS, ScenarioKey, TARGETS, evaluate, formatReport, ratio } from './report';
import { formatReportRenderReport, measureInventoryReportRender } from './report-render';
import { BENCH_DATABASE, seedBenchDatabase } from './seed';
import { RunningServer, installCleanup, startServer, stopAll } from './servers';

const ROOT = join(__dirname, '..', '..');
const API_SCRIPT = join(ROOT, 'dist', 'src', 'main.js');
const BARE_SCRIPT = join(__dirname, 'bare-server.js');

const ME_PAGE_SIZE = 10;

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

async function main(): Promise<void> {
  installCleanup();
  const load: LoadOptions = {
    connections: numberFromEnv('BENCH_CONNECTIONS', 10, 0),
    durationSeconds: numberFromEnv('BENCH_DURATION', 10, 0),
    warmupSeconds: numberFromEnv('BENCH_WARMUP', 5, 0),
  };
  const serverUrl = benchPostgresUrl();
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'warn';
  const machine = { cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version };
  log(`partnerhub bench: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}`);
  log(`load: ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s per scenario`);
  log(`load average before start: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  log('note: autocannon, both servers and PostgreSQL share this machine; compare ratios, not absolute req/s.\n');

  let started = Date.now();
  const seeded = await seedBenchDatabase(serverUrl);
  log(`seeded ${new URL(seeded.databaseUrl).pathname.slice(1)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);

  started = Date.now();
  const [api, bare] = await Promise.all([
    startServer(
      'partnerhub API',
      API_SCRIPT,
      {
        NODE_ENV: 'production',
        DATABASE_URL: seeded.databaseUrl,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        JWT_SECRET: randomBytes(32).toString('base64url'),
        ...BENCH_SELLER_ENV,
        LOG_LEVEL: logLevel,
        WORKERS: 'off', // as the api service in docker/compose.yml: queue workers run elsewhere
        // Counted on every request as in production, but never reached: the figures are of answers, not of 429s.
        RATE_LIMIT_REQUESTS: '100000000',
      },
      (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ),
    startServer('bare server', BARE_SCRIPT, { DATABASE_URL: seeded.databaseUrl }),
  ]);
  log(`started partnerhub API (${api.baseUrl}, LOG_LEVEL=${logLevel}, WORKERS=off) and bare server (${bare.baseUrl}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const bigToken = await login(api.baseUrl, seeded.bigAdmin);
  const smallToken = await login(api.baseUrl, seeded.smallAdmin);
  const hostsPath = `/api/v1/organizations/${seeded.hostOrganizationId}/hosts?limit=50`;
  const overviewPath = `/api/v1/organizations/${seeded.bigPartnerId}/overview`;
  // A read key of the big partner: it reaches the customer organization holding the hosts as a partner admin would.
  const apiKey = await createApiKey(api.baseUrl, bigToken, seeded.bigPartnerId, ['read']);
  const targets: Record<ScenarioKey, Target & { server: RunningServer }> = {
    bareHosts: { server: bare, url: `${bare.baseUrl}${hostsPath}` },
    hosts: { server: api, url: `${api.baseUrl}${hostsPath}`, headers: bearer(bigToken) },
    hostsApiKey: { server: api, url: `${api.baseUrl}${hostsPath}`, headers: bearer(apiKey) },
    overviewBig: { server: api, url: `${api.baseUrl}${overviewPath}?limit=50`, headers: bearer(bigToken) },
    // Pages of 10 for both partners, so both answers hold 10 organizations (the 10-customer partner reaches 11
    // in all): the comparison shows what the 10 000 customers behind the first page cost, not a longer response.
    meOrganizationsBig: { server: api, url: `${api.baseUrl}/api/v1/me/organizations?limit=${ME_PAGE_SIZE}`, headers: bearer(bigToken) },
    meOrganizationsSmall: { server: api, url: `${api.baseUrl}/api/v1/me/organizations?limit=${ME_PAGE_SIZE}`, headers: bearer(smallToken) },
  };

  const probes = {} as Record<ScenarioKey, Probe>;
  log('\nsanity request per scenario:');
  for (const key of Object.keys(targets) as ScenarioKey[]) {
    probes[key] = await probe(targets[key]);
    log(`  ${SCENARIO_LABELS[key]}: ${probes[key].status} (${probes[key].summary})`);
  }

  log(`\nwarming up every scenario (${load.warmupSeconds} s each) ...`);
  await warmUp(Object.values(targets), load);

  const figures = {} as BenchFigures;
  log('');
  for (const key of Object.keys(targets) as ScenarioKey[]) {
    process.stdout.write(`measuring ${SCENARIO_LABELS[key]} ... `);
    figures[key] = await measure(targets[key], load, new CpuMeter(targets[key].server.child.pid, BENCH_DATABASE));
    log(`${figures[key].requestsPerSecond.toFixed(0)} req/s`);
  }

  // All 10 000 customers as one CSV, alone on the API: time per export and what it adds to the process's peak memory.
  log('exporting the overview of 10 000 customers as CSV (3 times) ...');
  const overviewCsv = await measureCsvExport(`${api.baseUrl}${overviewPath}`, bearer(bigToken), api.child.pid);
  log(`  ${overviewCsv.rows} rows, ${(overviewCsv.bytes / 1024).toFixed(0)} KiB, median ${overviewCsv.medianMs.toFixed(0)} ms, peak RSS +${overviewCsv.peakRssIncreaseMiB.toFixed(1)} MiB`);

  const checks = evaluate(figures);
  log(`\n${formatReport(figures, checks)}\n`);

  const apiOutput = api.output().trim();
  if (apiOutput) log(`partnerhub API wrote at LOG_LEVEL=${logLevel} (last lines):\n${apiOutput.split('\n').slice(-10).join('\n')}\n`);

  await stopAll();

  // Rendered after the HTTP servers stopped, so the figures are not disturbed by them.
  log('rendering invoice PDFs (10 and 200 lines) ...');
  const invoicePdf = await measureInvoicePdfRender();
  log(`\n${formatPdfRenderReport(invoicePdf)}\n`);
  log('rendering the inventory report PDF (1000 hosts) ...');
  const inventoryReportPdf = await measureInventoryReportRender();
  log(`\n${formatReportRenderReport(inventoryReportPdf)}\n`);

  log(
    JSON.stringify({
      bench: 'partnerhub',
      at: new Date().toISOString(),
      machine,
      load,
      logLevel,
      seed: seeded.counts,
      scenarios: figures,
      probes,
      ratios: {
        hostsPartnerhubOverBare: ratio(figures.hosts.requestsPerSecond, figures.bareHosts.requestsPerSecond),
        meOrganizationsBigOverSmall: ratio(figures.meOrganizationsBig.requestsPerSecond, figures.meOrganizationsSmall.requestsPerSecond),
        hostsApiKeyOverJwt: ratio(figures.hostsApiKey.requestsPerSecond, figures.hosts.requestsPerSecond),
        hostsServerCpuApiKeyOverJwt: ratio(figures.hostsApiKey.serverMsPerRequest ?? 0, figures.hosts.serverMsPerRequest ?? 0),
        hostsServerCpuPartnerhubOverBare: ratio(figures.hosts.serverMsPerRequest ?? 0, figures.bareHosts.serverMsPerRequest ?? 0),
      },
      targets: TARGETS,
      checks,
      overviewCsv,
      invoicePdf,
      inventoryReportPdf,
    }),
  );

  // Last, as it keeps both CPUs busy for about a minute: 1 000 invoice mails through billing:run, real
  // worker processes and the queues to a local SMTP server (bench/mail-throughput.ts, its own database).
  log('');
  const { runWebhookFanOut } = await import('./webhook-fan-out.js');
  await runWebhookFanOut();
  log('');
  const { runMailThroughput } = await import('./mail-throughput.js');
  await runMailThroughput();
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await stopAll();
  process.exit(1);
});
