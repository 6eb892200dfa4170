// What bench/mail-throughput.ts sets up: its database, a local SMTP server, and node child processes
// without HTTP (workers, the CLI), which bench/servers.ts does not cover: it waits for /health.
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { prepareDatabase } from '../src/database/prepare-database';
import { processCpuMs } from './cpu';

export const MAIL_BENCH_DATABASE = 'partnerhub_bench_mail';
const CUSTOMERS_PER_PARTNER = 50;
const OUTPUT_TAIL_BYTES = 16_384;
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

// --- database -------------------------------------------------------------------------------

/** Drops partnerhub_bench_mail (and nothing else) on the server of `serverUrl`, creates and migrates it as the app does. */
export async function recreateMailBenchDatabase(serverUrl: string): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${MAIL_BENCH_DATABASE}" with (force)`);
  } finally {
    await client.end();
  }
  url.pathname = `/${MAIL_BENCH_DATABASE}`;
  await prepareDatabase(url.toString());
  return url.toString();
}

const ORGANIZATION_COLUMNS = `id, name, address_street, address_postal_code, address_city, address_country,
  kind, partner_id, trial_ends_at, trial_licenses, created_at, updated_at`;

/**
 * `count` customer organizations, 50 per partner, each with an active monthly subscription whose
 * period ended yesterday, so one billing run issues one invoice each, addressed to the partner's
 * admin. Every subscription has an addon booked with it; every fourth one also an addon booked
 * mid-period (a pro-rated line); every second partner has a discount.
 */
export async function seedDueSubscriptions(databaseUrl: string, count: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    for (let partner = 1; (partner - 1) * CUSTOMERS_PER_PARTNER < count; partner++) {
      const partnerId = randomUUID();
      const userId = randomUUID();
      await client.query(
        `insert into organization (${ORGANIZATION_COLUMNS})
         values ($1, 'Partner ' || $2, 'Partnerweg ' || $2, '10115', 'Berlin', 'DE', 'partner', null, now() + interval '14 days', 2, now(), now())`,
        [partnerId, partner],
      );
      // Nobody logs in: the hash is never checked.
      await client.query(
        `insert into app_user (id, email, name, password_hash, must_change_password, status, created_at)
         values ($1, 'billing@partner-' || $2 || '.bench', 'Partner ' || $2 || ' Billing', 'none', false, 'active', now())`,
        [userId, partner],
      );
      await client.query(`insert into membership (id, organization_id, user_id, role) values ($1, $2, $3, 'admin')`, [randomUUID(), partnerId, userId]);
      if (partner % 2 === 0) {
        await client.query(`insert into partner_agreement (id, partner_id, discount_percent) values ($1, $2, 15)`, [randomUUID(), partnerId]);
      }
      await client.query(
        `insert into organization (${ORGANIZATION_COLUMNS})
         select gen_random_uuid(), 'Customer ' || $2 || '-' || i, 'Kundenstraße ' || i, '20095', 'Hamburg', 'DE',
                'customer', $1, now() + interval '14 days', 2, now() - interval '60 days', now()
           from generate_series(1, $3::int) i`,
        [partnerId, partner, Math.min(CUSTOMERS_PER_PARTNER, count - (partner - 1) * CUSTOMERS_PER_PARTNER)],
      );
    }
    await client.query(
      `insert into subscription (id, created_at, organization_id, billing_owner_id, plan_code, status, current_period_start, current_period_end)
       select gen_random_uuid(), now() - interval '1 month 2 days', id, partner_id, 'business', 'active',
              now() - interval '1 month 1 day', now() - interval '1 day'
         from organization where kind = 'customer'`,
    );
    await client.query(
      `insert into subscription_addon (id, created_at, subscription_id, addon_code)
       select gen_random_uuid(), created_at, id, 'hosts-10' from subscription`,
    );
    await client.query(
      `insert into subscription_addon (id, created_at, subscription_id, addon_code)
       select gen_random_uuid(), now() - interval '10 days', id, 'pentest'
         from (select id, row_number() over (order by id) as n from subscription) s
        where n % 4 = 0`,
    );
    await client.query('commit');
    await client.query('analyze');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

// --- SMTP -----------------------------------------------------------------------------------

export interface AcceptedMail {
  /** Date.now() when the server accepted the message. */
  acceptedAt: number;
  /** From the PDF attachment's name, invoice-<number>.pdf; undefined without an invoice PDF. */
  invoiceNumber?: string;
}

export interface MailSink {
  port: number;
  accepted: AcceptedMail[];
  /** Resolves once `count` messages have been accepted. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

/** "%PDF-" in base64: how a base64-encoded PDF part begins. */
const PDF_MAGIC_BASE64 = 'JVBERi0';

/**
 * The invoice number of the message's application/pdf part, if its body is a PDF. Just enough MIME
 * for nodemailer's multipart/mixed output: there is no mail parser among the dependencies.
 */
export function invoicePdfAttachmentOf(raw: string): string | undefined {
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const headerEnd = part.search(/\r?\n\r?\n/);
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd).replace(/\r?\n[ \t]+/g, ' ');
    if (!/^content-type:\s*application\/pdf\b/im.test(headers)) continue;
    const number = /filename="?invoice-([^";\s]+)\.pdf"?/i.exec(headers)?.[1];
    const base64 = /^content-transfer-encoding:\s*base64/im.test(headers);
    return number && base64 && part.slice(headerEnd).trimStart().startsWith(PDF_MAGIC_BASE64) ? number : undefined;
  }
  return undefined;
}

/** An SMTP server on a free port that accepts everything and keeps only when and which invoice. */
export async function startMailSink(): Promise<MailSink> {
  const accepted: AcceptedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No DNS lookup per connection: the benchmark measures partnerhub, not the resolver.
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        accepted.push({ acceptedAt: Date.now(), invoiceNumber: invoicePdfAttachmentOf(Buffer.concat(chunks).toString('latin1')) });
        for (const waiter of waiters) if (accepted.length >= waiter.count) waiter.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    accepted,
    received: (count) => (accepted.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// --- child processes ------------------------------------------------------------------------

export interface NodeProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<number | string | null>;
  stdout(): string;
  /** The last bytes written to stdout and stderr, for diagnostics. */
  output(): string;
  /** Throws an error naming the process, with its output. */
  fail(reason: string): never;
}

const running = new Set<ChildProcess>();
let killOnExit = false;

/** `node <script> <args>`; every process started here is killed when the benchmark exits. */
export function startNode(name: string, script: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): NodeProcess {
  if (!killOnExit) {
    process.once('exit', killAll);
    killOnExit = true;
  }
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let tail = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout = (stdout + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  });
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('error', () => resolve(null));
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    });
  });
  const output = () => tail;
  return {
    name,
    child,
    exited,
    stdout: () => stdout,
    output,
    fail: (reason) => {
      throw new Error(`${name} ${reason}:\n${output()}`);
    },
  };
}

/** Resolves once the process wrote `text`; fails when it exits first or takes longer than a minute. */
export async function waitForOutput(node: NodeProcess, text: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!node.output().includes(text)) {
    if (node.child.exitCode !== null || node.child.signalCode !== null) node.fail(`exited during start-up (${node.child.exitCode ?? node.child.signalCode})`);
    if (Date.now() > deadline) node.fail(`did not start within ${START_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGTERM (workers finish their current job), SIGKILL after a grace period; all started here by default. */
export async function stopNodes(nodes?: NodeProcess[]): Promise<void> {
  const children = nodes ? nodes.map((node) => node.child) : [...running];
  await Promise.all(children.map(stop));
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

// --- CPU ------------------------------------------------------------------------------------

export type CpuRole = 'workers' | 'billing:run' | 'postgres';

interface CpuSample {
  at: number;
  machineBusyMs: number | null;
  benchMs: number;
  byPid: Map<number, { role: CpuRole; ms: number }>;
}

export interface CpuWindow {
  wallMs: number;
  /** CPU milliseconds per role; `bench` is this process (the SMTP server). */
  byRole: Record<CpuRole | 'bench', number>;
  /** Every CPU of the machine; null outside Linux. */
  machineMs: number | null;
  /** Everything else running on the machine (other users, Redis). */
  otherMs: number | null;
}

/**
 * Samples CPU times four times a second, so the measured window can start at the first invoice,
 * known only afterwards, and processes that end meanwhile (billing:run, its PostgreSQL backend)
 * still count up to their last sample.
 */
export class CpuSampler {
  private readonly samples: CpuSample[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly processes: () => [number | undefined, CpuRole][],
    private readonly database: string,
  ) {}

  start(intervalMs = 250): void {
    this.take();
    this.timer = setInterval(() => this.take(), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.take();
  }

  /** From the last sample at or before `from` to the last sample. */
  window(from: number): CpuWindow {
    const start = this.samples.filter((sample) => sample.at <= from).pop() ?? this.samples[0];
    const end = this.samples[this.samples.length - 1];
    const latest = new Map<number, { role: CpuRole; ms: number }>();
    for (const sample of this.samples) if (sample.at >= start.at) for (const [pid, cpu] of sample.byPid) latest.set(pid, cpu);
    const byRole = { workers: 0, 'billing:run': 0, postgres: 0, bench: end.benchMs - start.benchMs };
    for (const [pid, cpu] of latest) byRole[cpu.role] += cpu.ms - (start.byPid.get(pid)?.ms ?? 0);
    const machineMs = end.machineBusyMs !== null && start.machineBusyMs !== null ? end.machineBusyMs - start.machineBusyMs : null;
    const ours = Object.values(byRole).reduce((sum, ms) => sum + ms, 0);
    return { wallMs: end.at - start.at, byRole, machineMs, otherMs: machineMs === null ? null : Math.max(0, machineMs - ours) };
  }

  private take(): void {
    const byPid = new Map<number, { role: CpuRole; ms: number }>();
    const pids: [number | undefined, CpuRole][] = [...this.processes(), ...postgresBackends(this.database).map((pid): [number, CpuRole] => [pid, 'postgres'])];
    for (const [pid, role] of pids) {
      const ms = pid ? processCpuMs(pid) : null;
      if (pid && ms !== null) byPid.set(pid, { role, ms });
    }
    const usage = process.cpuUsage();
    this.samples.push({ at: Date.now(), machineBusyMs: machineBusyMs(), benchMs: (usage.user + usage.system) / 1000, byPid });
  }
}

/** Busy time of all CPUs since boot (/proc/stat without idle and iowait), null outside Linux. */
function machineBusyMs(): number | null {
  if (!existsSync('/proc/stat')) return null;
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return (user + nice + system + irq + softirq + (steal || 0)) * 10; // USER_HZ ticks of 10 ms
}

/** PostgreSQL backends connected to `database` on this machine (their process title names it). */
function postgresBackends(database: string): number[] {
  if (!existsSync('/proc/stat')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return title.startsWith('postgres:') && title.includes(` ${database} `);
      } catch {
        return false; // ended meanwhile, or not ours to read
      }
    })
    .map(Number);
}
