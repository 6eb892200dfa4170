// CPU accounting during a measured run (Linux /proc; elsewhere every figure is null).
// req/s depends on what else the machine runs; CPU milliseconds per request much less so,
// and the share of CPU used by processes outside the benchmark tells how noisy a run was.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** USER_HZ: the unit of /proc CPU times, 100 on every Linux architecture Node runs on. */
const TICK_MS = 10;

export interface CpuFigures {
  /** CPU time of the server process per request. */
  serverMsPerRequest: number | null;
  /** CPU time of the PostgreSQL backends serving the benchmark database, per request. */
  postgresMsPerRequest: number | null;
  /** CPU used by everything else on the machine, in % of all CPUs: above ~10 % the run is noisy. */
  otherLoadPercent: number | null;
}

interface Snapshot {
  wallMs: number;
  systemBusyMs: number;
  benchMs: number;
  serverMs: number;
  postgres: Map<number, number>;
}

export const NO_CPU_FIGURES: CpuFigures = { serverMsPerRequest: null, postgresMsPerRequest: null, otherLoadPercent: null };

export class CpuMeter {
  private readonly available = existsSync('/proc/stat');
  private start?: Snapshot;

  constructor(
    private readonly serverPid: number | undefined,
    private readonly database: string,
  ) {}

  begin(): void {
    this.start = this.available ? this.snapshot() : undefined;
  }

  end(requests: number): CpuFigures {
    const start = this.start;
    if (!start || !requests) return NO_CPU_FIGURES;
    const end = this.snapshot();
    const server = end.serverMs - start.serverMs;
    // A backend that started during the run counts whole; one that ended during it is lost (small).
    let postgres = 0;
    for (const [pid, ms] of end.postgres) postgres += ms - (start.postgres.get(pid) ?? 0);
    const bench = end.benchMs - start.benchMs;
    const other = end.systemBusyMs - start.systemBusyMs - server - postgres - bench;
    const capacity = (end.wallMs - start.wallMs) * availableParallelism();
    return {
      serverMsPerRequest: round(server / requests),
      postgresMsPerRequest: round(postgres / requests),
      otherLoadPercent: capacity > 0 ? Math.max(0, Math.round((100 * other) / capacity)) : null,
    };
  }

  private snapshot(): Snapshot {
    const benchMs = ownCpuMs();
    return {
      wallMs: performance.now(),
      systemBusyMs: systemBusyMs(),
      benchMs,
      serverMs: this.serverPid ? (processCpuMs(this.serverPid) ?? 0) : 0,
      postgres: new Map(postgresBackends(this.database).map((pid) => [pid, processCpuMs(pid) ?? 0])),
    };
  }
}

// The /proc readers below are Linux-only: callers check once that /proc/stat exists.

/** Busy time of all CPUs since boot: every /proc/stat column but idle and iowait. */
export function systemBusyMs(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + (steal ?? 0)) * TICK_MS;
}

/** user + system CPU time of this process (the benchmark itself). */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** utime + stime of one process, or null when it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const afterName = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
    return (Number(afterName[11]) + Number(afterName[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** PostgreSQL backends connected to `database` on this machine (their title names it). */
export function postgresBackends(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (title.startsWith('postgres:') && title.includes(` ${database} `)) pids.push(Number(entry));
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return pids;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
