// The billing issue's "1 000 invoice mails through the queue to a local SMTP server in < 30 s".
// Standalone: `node dist/bench/mail-throughput.js`; also the last section of `npm run bench`.
//
// Seeds partnerhub_bench_mail with 1 000 customer subscriptions whose period has ended, starts real
// worker processes (dist/src/worker.js) sending to a local smtp-server, then runs the real
// `billing:run` (dist/src/cli.js). Each invoice commits together with its pdf outbox row; the workers
// relay it, render the PDF, queue the mail and send it with the PDF attached. Measured: from the first
// invoice issued until the SMTP server accepted the last of the 1 000 mails. Bull's job timestamps and
// the rows' timestamps then show which stage the time went to.
//
// Environment (all optional):
//   BENCH_POSTGRES_URL    PostgreSQL server, as for bench/run.ts; only partnerhub_bench_mail is dropped and re-created
//   REDIS_URL             Redis server (redis://127.0.0.1:6379); the workers use its database BENCH_MAIL_REDIS_DB, flushed first
//   BENCH_MAIL_REDIS_DB   (11)
//   BENCH_MAIL_COUNT      invoices, hence mails (1000)
//   BENCH_MAIL_WORKERS    worker processes (1, as docker/compose.yml)
//   BENCH_MAIL_TIMEOUT    seconds to wait for the mails before reporting what arrived (90)
//   BENCH_MAIL_NODE_ARGS  extra node flags for the workers and billing:run, e.g. "--cpu-prof --cpu-prof-dir=var/prof"
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { ABOVE_ZERO, BENCH_SELLER_ENV, benchPostgresUrl, numberFromEnv } from './env';
import { AcceptedMail, CpuSampler, CpuWindow, MAIL_BENCH_DATABASE, seedDueSubscriptions, startMailSink } from './mail-bench-support';
import { NOISY_OTHER_LOAD_PERCENT, formatNumber, formatTable } from './report';
import { recreateDatabase } from './seed';
import { NodeProcess, installCleanup, startNode, stopNodes, until, waitForOutput } from './servers';
import { percentile } from './stats';

const ROOT = join(__dirname, '..', '..');
const WORKER_SCRIPT = join(ROOT, 'dist', 'src', 'worker.js');
const CLI_SCRIPT = join(ROOT, 'dist', 'src', 'cli.js');
/** The billing issue's goal: 1 000 mails in under 30 s; other counts get the same rate. */
export const MAIL_TARGET_SECONDS_PER_1000 = 30;

export interface MailThroughputOptions {
  /** PostgreSQL server; its database name is ignored. */
  serverUrl: string;
  /** Including the database number, which is flushed. */
  redisUrl: string;
  mails: number;
  workers: number;
  timeoutSeconds: number;
  nodeArgs: string[];
}

export interface StageFigures {
  stage: string;
  samples: number;
  medianMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
  /** When the last mail finished this stage, seconds after the first invoice was issued. */
  lastDoneAtSeconds: number | null;
}

export interface MailThroughputFigures {
  mails: number;
  workers: number;
  invoicesIssued: number;
  accepted: number;
  acceptedWithPdf: number;
  duplicates: number;
  complete: boolean;
  /** First invoice issued → last mail accepted (or the last that arrived before the timeout). */
  totalSeconds: number | null;
  mailsPerSecond: number | null;
  /** First → last invoice issued by billing:run. */
  issuingSeconds: number | null;
  /** Last invoice issued → last mail accepted. */
  afterIssuingSeconds: number | null;
  targetSeconds: number;
  pass: boolean;
  pdfRenders: { documentsRendered: number; renderAttempts: number; failedJobs: number };
  mailDeliveries: Record<string, number>;
  failedMailJobs: number;
  /** Seconds after the first invoice when half, 90 % and all of the mails had been accepted. */
  acceptedAtSeconds: { half: number | null; ninetyPercent: number | null; all: number | null };
  stages: StageFigures[];
  /** From the first invoice to the last mail: CPU ms per mail by process role. */
  cpuMsPerMail: Record<keyof CpuWindow['byRole'], number> | null;
  /**
   * CPU ms per invoice by stage: issuing (billing:run), rendering (pdfmake alone, measured on the
   * render thread around each render: a bare render of that very invoice), the e-invoice (embedding
   * the Factur-X XML and writing the XRechnung, on the same thread), the rest of the workers
   * (outbox relay, loading and storing, the mail and its SMTP transaction), PostgreSQL.
   */
  cpuMsPerInvoice: { issuing: number; rendering: number; eInvoice: number; workersBesidesRendering: number; postgres: number } | null;
  /** (billing:run + workers) CPU per invoice ÷ the bare render's; and with PostgreSQL's CPU added. */
  pipelineToRenderRatio: { withoutPostgres: number; withPostgres: number } | null;
  /** Worker CPU in % of one core, per worker process. */
  workerCorePercent: number | null;
  /** All processes, and those not part of the benchmark (other users of the machine, Redis), in % of all CPUs. */
  machineBusyPercent: number | null;
  otherLoadPercent: number | null;
  cpus: number;
}

export function mailThroughputOptionsFromEnv(): MailThroughputOptions {
  const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  redisUrl.pathname = `/${numberFromEnv('BENCH_MAIL_REDIS_DB', 11, ABOVE_ZERO)}`;
  return {
    serverUrl: benchPostgresUrl(),
    redisUrl: redisUrl.toString(),
    mails: numberFromEnv('BENCH_MAIL_COUNT', 1000, ABOVE_ZERO),
    workers: numberFromEnv('BENCH_MAIL_WORKERS', 1, ABOVE_ZERO),
    timeoutSeconds: numberFromEnv('BENCH_MAIL_TIMEOUT', 90, ABOVE_ZERO),
    nodeArgs: (process.env.BENCH_MAIL_NODE_ARGS ?? '').split(' ').filter(Boolean),
  };
}

export async function measureMailThroughput(options: MailThroughputOptions, log: (line: string) => void = () => undefined): Promise<MailThroughputFigures> {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  await redis.connect();
  const sink = await startMailSink();
  const processes: NodeProcess[] = [];
  let sampler: CpuSampler | undefined;
  try {
    await redis.flushdb();
    let started = Date.now();
    const databaseUrl = await recreateDatabase(options.serverUrl, MAIL_BENCH_DATABASE);
    await seedDueSubscriptions(databaseUrl, options.mails);
    log(`seeded ${new URL(databaseUrl).pathname.slice(1)} with ${options.mails} due subscriptions in ${seconds(Date.now() - started)} s`);

    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      REDIS_URL: options.redisUrl,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      ...BENCH_SELLER_ENV,
    };
    started = Date.now();
    for (let i = 1; i <= options.workers; i++) {
      processes.push(startNode(`worker ${i}`, WORKER_SCRIPT, [], { ...env, LOG_LEVEL: 'info' }, options.nodeArgs));
    }
    const workers = [...processes];
    await Promise.all(workers.map((worker) => waitForOutput(worker, 'partnerhub worker running')));
    log(`started ${options.workers} worker process(es) in ${seconds(Date.now() - started)} s; SMTP server on 127.0.0.1:${sink.port}; running billing:run ...`);

    // Sampled from here: the window starts at the first invoice, which billing:run issues after its start-up.
    const billingRun = startNode('billing:run', CLI_SCRIPT, ['billing:run'], { ...env, LOG_LEVEL: 'warn' }, options.nodeArgs);
    processes.push(billingRun);
    sampler = new CpuSampler(
      () => [...workers.map((worker): [number | undefined, 'workers'] => [worker.child.pid, 'workers']), [billingRun.child.pid, 'billing:run']],
      MAIL_BENCH_DATABASE,
    );
    sampler.start();
    const runResult = billingRun.exited.then((code) => {
      const result = billingRun.stdout().trim().split('\n').pop() ?? '';
      if (code !== 0 || !result.includes('"errors":0')) billingRun.fail(`failed (exit ${code}): ${result}`);
    });
    const workerDied = Promise.race(workers.map((worker) => worker.exited.then((code) => worker.fail(`exited (${code}) during the run`))));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.timeoutSeconds * 1000)));
    await Promise.race([Promise.all([sink.received(options.mails), runResult]), timedOut, workerDied]);
    clearTimeout(timer);
    sampler.stop();
    if (billingRun.child.exitCode !== null) await runResult;

    // The workers mark a delivery sent just after the server accepted it; give the last ones a moment.
    await waitForSent(databaseUrl, options.mails, 5_000);
    return await collectFigures(options, databaseUrl, redis, sink.accepted, sampler);
  } finally {
    sampler?.stop();
    await stopNodes(processes);
    await sink.close();
    redis.disconnect();
  }
}

async function waitForSent(databaseUrl: string, mails: number, timeoutMs: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Quietly on timeout: the figures then show how many were sent.
    await until(
      async () => {
        const { rows } = await client.query<{ sent: string }>(`select count(*) as sent from mail_delivery where status = 'sent'`);
        return Number(rows[0].sent) >= mails;
      },
      timeoutMs,
      100,
    );
  } finally {
    await client.end();
  }
}

interface InvoiceRow {
  id: string;
  number: string;
  issued_at: Date;
  document_status: string;
  render_attempts: number;
  delivery_id: string | null;
  mail_queued_at: Date | null;
  mail_status: string | null;
}

type JobTimes = { added?: number; processed?: number; finished?: number; renderCpuMs?: number; eInvoiceCpuMs?: number };

async function collectFigures(
  options: MailThroughputOptions,
  databaseUrl: string,
  redis: Redis,
  accepted: AcceptedMail[],
  sampler: CpuSampler,
): Promise<MailThroughputFigures> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let rows: InvoiceRow[];
  try {
    rows = (
      await client.query<InvoiceRow>(
        `select i.id, i.number, i.issued_at, doc.status as document_status, doc.attempts as render_attempts,
                d.id as delivery_id, d.created_at as mail_queued_at, d.status as mail_status
           from invoice i
           join invoice_document doc on doc.invoice_id = i.id
           left join mail_delivery d on d.dedupe_key = 'invoice:' || i.id`,
      )
    ).rows;
  } finally {
    await client.end();
  }

  // Completed jobs stay in Redis (RELAYED_JOB_OPTIONS keeps the last 1 000 per queue) with Bull's timestamps.
  const pipeline = redis.pipeline();
  for (const row of rows) {
    pipeline.hmget(`bull:pdf:invoice-pdf:${row.id}`, 'timestamp', 'processedOn', 'finishedOn', 'returnvalue');
    pipeline.hmget(`bull:mail:mail:${row.delivery_id}`, 'timestamp', 'processedOn', 'finishedOn');
  }
  pipeline.zcard('bull:pdf:failed');
  pipeline.zcard('bull:mail:failed');
  const replies = ((await pipeline.exec()) ?? []).map(([, reply]) => reply);
  const [failedPdfJobs, failedMailJobs] = replies.slice(-2).map(Number);
  const jobTimes = (index: number): JobTimes => {
    const [added, processed, finished, returned] = (replies[index] ?? []) as (string | null)[];
    const time = (value: string | null) => (value ? Number(value) : undefined);
    // The pdf job returns { renderCpuMs, eInvoiceCpuMs } (InvoicePdfResult).
    const result = returned ? (JSON.parse(returned) as { renderCpuMs?: number; eInvoiceCpuMs?: number } | null) : null;
    return { added: time(added), processed: time(processed), finished: time(finished), renderCpuMs: result?.renderCpuMs, eInvoiceCpuMs: result?.eInvoiceCpuMs };
  };

  const items = rows.map((row, index) => ({ row, pdf: jobTimes(2 * index), mail: jobTimes(2 * index + 1) }));
  const acceptedInOrder = accepted.slice().sort((a, b) => a.acceptedAt - b.acceptedAt);
  /** First acceptance per invoice number, in order of acceptance. */
  const arrivals = new Map<string, number>();
  let duplicates = 0;
  for (const mail of acceptedInOrder) {
    if (!mail.invoiceNumber) continue;
    if (arrivals.has(mail.invoiceNumber)) duplicates++;
    else arrivals.set(mail.invoiceNumber, mail.acceptedAt);
  }

  const issued = rows.map((row) => row.issued_at.getTime());
  const t0 = issued.length ? Math.min(...issued) : null;
  const lastIssued = issued.length ? Math.max(...issued) : null;
  const lastAccepted = acceptedInOrder.at(-1)?.acceptedAt ?? null;
  const complete = arrivals.size >= options.mails;
  const totalMs = t0 !== null && lastAccepted !== null ? lastAccepted - t0 : null;
  const targetSeconds = (MAIL_TARGET_SECONDS_PER_1000 * options.mails) / 1000;

  const stage = (label: string, span: (item: (typeof items)[number]) => [number | undefined, number | undefined]) =>
    stageFigures(label, items.map(span), t0 ?? 0);
  const stages = [
    stage('invoice issued → pdf job in Bull (outbox relay)', (i) => [i.row.issued_at.getTime(), i.pdf.added]),
    stage('pdf job waiting', (i) => [i.pdf.added, i.pdf.processed]),
    stage('pdf job running (render, store, queue mail)', (i) => [i.pdf.processed, i.pdf.finished]),
    stage('mail queued → mail job in Bull (outbox relay)', (i) => [i.row.mail_queued_at?.getTime(), i.mail.added]),
    stage('mail job waiting', (i) => [i.mail.added, i.mail.processed]),
    stage('mail job running until SMTP accepted', (i) => [i.mail.processed, arrivals.get(i.row.number)]),
    stage('invoice issued → SMTP accepted', (i) => [i.row.issued_at.getTime(), arrivals.get(i.row.number)]),
  ];

  const arrivalTimes = [...arrivals.values()]; // ascending, as inserted
  const acceptedAt = (fraction: number) => {
    const time = arrivalTimes[Math.ceil(fraction * options.mails) - 1];
    return time === undefined || t0 === null ? null : (time - t0) / 1000;
  };
  const cpu = t0 !== null ? sampler.window(t0) : null;
  const perMail = (ms: number) => (arrivals.size ? ms / arrivals.size : 0);
  const renderCpuMs = items.reduce((sum, item) => sum + (item.pdf.renderCpuMs ?? 0), 0);
  const eInvoiceCpuMs = items.reduce((sum, item) => sum + (item.pdf.eInvoiceCpuMs ?? 0), 0);
  const perInvoice = (ms: number) => (rows.length ? ms / rows.length : 0);
  const cpuMsPerInvoice = cpu && {
    issuing: perInvoice(cpu.byRole['billing:run']),
    rendering: perInvoice(renderCpuMs - eInvoiceCpuMs),
    eInvoice: perInvoice(eInvoiceCpuMs),
    workersBesidesRendering: perInvoice(cpu.byRole.workers - renderCpuMs),
    postgres: perInvoice(cpu.byRole.postgres),
  };
  const pipelineMs =
    cpuMsPerInvoice && cpuMsPerInvoice.issuing + cpuMsPerInvoice.rendering + cpuMsPerInvoice.eInvoice + cpuMsPerInvoice.workersBesidesRendering;
  const pipelineToRenderRatio =
    cpuMsPerInvoice && pipelineMs !== null && cpuMsPerInvoice.rendering > 0
      ? { withoutPostgres: pipelineMs / cpuMsPerInvoice.rendering, withPostgres: (pipelineMs + cpuMsPerInvoice.postgres) / cpuMsPerInvoice.rendering }
      : null;
  const mailDeliveries: Record<string, number> = {};
  for (const { mail_status: status } of rows) mailDeliveries[status ?? 'none'] = (mailDeliveries[status ?? 'none'] ?? 0) + 1;

  return {
    mails: options.mails,
    workers: options.workers,
    invoicesIssued: rows.length,
    accepted: accepted.length,
    acceptedWithPdf: accepted.filter((mail) => mail.invoiceNumber).length,
    duplicates,
    complete,
    totalSeconds: totalMs === null ? null : totalMs / 1000,
    mailsPerSecond: totalMs ? arrivals.size / (totalMs / 1000) : null,
    issuingSeconds: t0 !== null && lastIssued !== null ? (lastIssued - t0) / 1000 : null,
    afterIssuingSeconds: lastIssued !== null && lastAccepted !== null ? (lastAccepted - lastIssued) / 1000 : null,
    targetSeconds,
    pass: complete && duplicates === 0 && totalMs !== null && totalMs < targetSeconds * 1000,
    pdfRenders: {
      documentsRendered: rows.filter((row) => row.document_status === 'rendered').length,
      renderAttempts: rows.reduce((sum, row) => sum + row.render_attempts, 0),
      failedJobs: failedPdfJobs,
    },
    mailDeliveries,
    failedMailJobs,
    acceptedAtSeconds: { half: acceptedAt(0.5), ninetyPercent: acceptedAt(0.9), all: acceptedAt(1) },
    stages,
    cpuMsPerMail: cpu && {
      workers: perMail(cpu.byRole.workers),
      'billing:run': perMail(cpu.byRole['billing:run']),
      postgres: perMail(cpu.byRole.postgres),
      bench: perMail(cpu.byRole.bench),
    },
    cpuMsPerInvoice,
    pipelineToRenderRatio,
    workerCorePercent: cpu?.wallMs ? (100 * cpu.byRole.workers) / cpu.wallMs / options.workers : null,
    machineBusyPercent: cpu?.wallMs && cpu.machineMs !== null ? (100 * cpu.machineMs) / (cpu.wallMs * availableParallelism()) : null,
    otherLoadPercent: cpu?.wallMs && cpu.otherMs !== null ? (100 * cpu.otherMs) / (cpu.wallMs * availableParallelism()) : null,
    cpus: availableParallelism(),
  };
}

function stageFigures(label: string, spans: [number | undefined, number | undefined][], t0: number): StageFigures {
  const complete = spans.filter((span): span is [number, number] => span[0] !== undefined && span[1] !== undefined);
  const durations = complete.map(([start, end]) => end - start).sort((a, b) => a - b);
  const at = (fraction: number) => (durations.length ? percentile(durations, fraction) : null);
  return {
    stage: label,
    samples: durations.length,
    medianMs: at(0.5),
    p90Ms: at(0.9),
    maxMs: durations.length ? durations[durations.length - 1] : null,
    lastDoneAtSeconds: complete.length ? (Math.max(...complete.map(([, end]) => end)) - t0) / 1000 : null,
  };
}

export function formatMailThroughputReport(f: MailThroughputFigures): string {
  const summary = formatTable(
    ['invoice mails', 'value', 'goal', 'result'],
    [
      ['mails accepted by the SMTP server', `${f.accepted} of ${f.mails} (${f.acceptedWithPdf} with the invoice PDF, ${f.duplicates} duplicates)`, '', ''],
      [
        'first invoice issued → last mail accepted',
        `${formatNumber(f.totalSeconds, 1)} s, ${formatNumber(f.mailsPerSecond, 1)} mails/s${f.complete ? '' : ' (incomplete: timed out)'}`,
        `< ${f.targetSeconds} s`,
        f.pass ? 'PASS' : 'FAIL',
      ],
      ['billing:run, first → last invoice issued', `${formatNumber(f.issuingSeconds, 1)} s (${f.invoicesIssued} invoices)`, '', ''],
      ['last invoice issued → last mail accepted', `${formatNumber(f.afterIssuingSeconds, 1)} s`, '', ''],
      ['PDF renders', `${f.pdfRenders.documentsRendered} rendered in ${f.pdfRenders.renderAttempts} attempts, ${f.pdfRenders.failedJobs} failed jobs`, '', ''],
      ['mail deliveries', `${Object.entries(f.mailDeliveries).map(([status, n]) => `${n} ${status}`).join(', ')}, ${f.failedMailJobs} failed jobs`, '', ''],
      [
        'half, 90 %, all mails accepted after',
        [f.acceptedAtSeconds.half, f.acceptedAtSeconds.ninetyPercent, f.acceptedAtSeconds.all].map((s) => `${formatNumber(s, 1)} s`).join(', '),
        '',
        '',
      ],
      [
        'CPU ms per mail',
        f.cpuMsPerMail
          ? Object.entries(f.cpuMsPerMail).map(([role, ms]) => `${role} ${formatNumber(ms, 1)}`).join(', ')
          : 'n/a',
        '',
        '',
      ],
      [
        'CPU ms per invoice, by stage',
        f.cpuMsPerInvoice
          ? `issuing ${formatNumber(f.cpuMsPerInvoice.issuing, 1)}, rendering (bare pdfmake) ${formatNumber(f.cpuMsPerInvoice.rendering, 1)}, ` +
            `e-invoice (Factur-X embedding + XRechnung) ${formatNumber(f.cpuMsPerInvoice.eInvoice, 1)}, ` +
            `rest of the workers (relay, store, mail) ${formatNumber(f.cpuMsPerInvoice.workersBesidesRendering, 1)}, postgres ${formatNumber(f.cpuMsPerInvoice.postgres, 1)}`
          : 'n/a',
        '',
        '',
      ],
      [
        'pipeline CPU ÷ bare render CPU, per invoice',
        f.pipelineToRenderRatio
          ? `${formatNumber(f.pipelineToRenderRatio.withoutPostgres, 2)}× (with postgres ${formatNumber(f.pipelineToRenderRatio.withPostgres, 2)}×)`
          : 'n/a',
        '≤ 1.3×',
        f.pipelineToRenderRatio ? (f.pipelineToRenderRatio.withoutPostgres <= 1.3 ? 'PASS' : 'FAIL') : '',
      ],
      [`worker CPU (${f.workers} process${f.workers === 1 ? '' : 'es'})`, `${formatNumber(f.workerCorePercent, 0)} % of a core each`, '', ''],
      [
        `machine CPU busy (${f.cpus} CPUs)`,
        `${formatNumber(f.machineBusyPercent, 0)} %, of which ${formatNumber(f.otherLoadPercent, 0)} % not this benchmark`,
        '',
        '',
      ],
    ],
  );
  const stages = formatTable(
    ['stage, per mail', 'median ms', 'p90 ms', 'max ms', 'last done at s'],
    f.stages.map((s) => [s.stage, formatNumber(s.medianMs, 0), formatNumber(s.p90Ms, 0), formatNumber(s.maxMs, 0), formatNumber(s.lastDoneAtSeconds, 1)]),
  );
  const noisy =
    (f.otherLoadPercent ?? 0) > NOISY_OTHER_LOAD_PERCENT
      ? `\n\nwarning: other processes used ${formatNumber(f.otherLoadPercent, 0)} % of the CPUs during the run; the seconds are noisy, CPU ms per mail less so.`
      : '';
  return `${summary}\n\n${stages}${noisy}`;
}

/** Measures with the environment's options and prints progress, the report and one JSON line. */
export async function runMailThroughput(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<MailThroughputFigures> {
  const options = mailThroughputOptionsFromEnv();
  log(`invoice mail throughput: ${options.mails} invoices through billing:run, the pdf and mail queues, to a local SMTP server`);
  const figures = await measureMailThroughput(options, (line) => log(`  ${line}`));
  log(`\n${formatMailThroughputReport(figures)}\n`);
  log(JSON.stringify({ bench: 'partnerhub-mail-throughput', at: new Date().toISOString(), ...figures }));
  return figures;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

if (require.main === module) {
  installCleanup();
  runMailThroughput()
    .then((figures) => {
      if (!figures.pass) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`mail throughput bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
