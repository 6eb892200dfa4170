// What bench/mail-throughput.ts sets up besides its child processes (bench/servers.ts): its database,
// a local SMTP server, and CPU sampling of the workers and billing:run.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { ownCpuMs, postgresBackends, processCpuMs, systemBusyMs } from './cpu';
import { ORGANIZATION_COLUMNS, insertPartner } from './seed';

/** Dropped and re-created by each run (bench/seed.ts recreateDatabase). */
export const MAIL_BENCH_DATABASE = 'partnerhub_bench_mail';
const CUSTOMERS_PER_PARTNER = 50;

// --- database -------------------------------------------------------------------------------

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
      // Nobody logs in: the hash is never checked.
      await insertPartner(client, {
        id: partnerId,
        name: `Partner ${partner}`,
        street: `Partnerweg ${partner}`,
        adminEmail: `billing@partner-${partner}.bench`,
        adminName: `Partner ${partner} Billing`,
        passwordHash: 'none',
      });
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
  /** Linux: /proc is there to read. */
  private readonly available = existsSync('/proc/stat');
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
    const backends = this.available ? postgresBackends(this.database) : [];
    const pids: [number | undefined, CpuRole][] = [...this.processes(), ...backends.map((pid): [number, CpuRole] => [pid, 'postgres'])];
    for (const [pid, role] of pids) {
      const ms = pid ? processCpuMs(pid) : null;
      if (pid && ms !== null) byPid.set(pid, { role, ms });
    }
    const benchMs = ownCpuMs();
    this.samples.push({ at: Date.now(), machineBusyMs: this.available ? systemBusyMs() : null, benchMs, byPid });
  }
}
