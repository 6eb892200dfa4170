// HTTP side of the benchmark: logging in, a sanity request per route, and the autocannon runs.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { CpuMeter } from './cpu';
import { Figures, toFigures } from './report';
import type { Login } from './seed';

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface Target {
  url: string;
  headers?: Record<string, string>;
}

export interface Probe {
  status: number;
  summary: string;
}

/** POST /api/v1/auth/login; returns the access token. */
export async function login(baseUrl: string, credentials: Login): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const body = (await response.json().catch(() => ({}))) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) {
    throw new Error(`login as ${credentials.email} failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

/** Creates an API key of `organizationId` with `scopes` as the logged-in admin and returns the key. */
export async function createApiKey(baseUrl: string, token: string, organizationId: string, scopes: string[]): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/organizations/${organizationId}/api-keys`, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', scopes }),
  });
  const body = (await response.json().catch(() => ({}))) as { key?: string };
  if (response.status !== 201 || !body.key) throw new Error(`creating an API key failed: ${response.status} ${JSON.stringify(body)}`);
  return body.key;
}

export interface CsvExportFigures {
  rows: number;
  bytes: number;
  medianMs: number;
  /** How much the server process's peak resident memory (VmHWM) grew over the exports; 0 outside Linux. */
  peakRssIncreaseMiB: number;
}

/** Downloads `url` as CSV `times` times, one after another, timing each to its last byte. */
export async function measureCsvExport(url: string, headers: Record<string, string>, serverPid: number | undefined, times = 3): Promise<CsvExportFigures> {
  const peakBefore = peakRssKiB(serverPid);
  const durations: number[] = [];
  let text = '';
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { ...headers, accept: 'text/csv' } });
    text = await response.text();
    durations.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`CSV export failed: ${response.status} ${text.slice(0, 200)}`);
  }
  durations.sort((a, b) => a - b);
  return {
    rows: text.trim().split('\r\n').length - 1,
    bytes: Buffer.byteLength(text),
    medianMs: durations[Math.floor(durations.length / 2)],
    peakRssIncreaseMiB: (peakRssKiB(serverPid) - peakBefore) / 1024,
  };
}

function peakRssKiB(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** One request before the load, to show what the route answers (a missing route shows up here as 404). */
export async function probe(target: Target): Promise<Probe> {
  try {
    const response = await fetch(target.url, { headers: target.headers });
    const text = await response.text();
    let summary = text.slice(0, 160);
    try {
      const body = JSON.parse(text) as { items?: unknown[]; nextCursor?: unknown; title?: string; detail?: string };
      if (Array.isArray(body.items)) {
        summary = `${body.items.length} items, nextCursor ${body.nextCursor ? 'set' : 'null'}`;
      } else if (body.title) {
        summary = `${body.title}${body.detail ? `: ${body.detail}` : ''}`;
      }
    } catch {
      // not JSON: keep the raw start
    }
    return { status: response.status, summary };
  } catch (error) {
    return { status: 0, summary: (error as Error).message };
  }
}

function loadOf(target: Target, options: LoadOptions) {
  return { url: target.url, headers: target.headers, connections: options.connections, timeout: 10 };
}

/**
 * Loads every target for the warm-up time, results discarded, before any is measured: a route's
 * first seconds run code V8 has not optimized yet, which would count against whichever scenario
 * happens to be measured first on its server.
 */
export async function warmUp(targets: Target[], options: LoadOptions): Promise<void> {
  if (options.warmupSeconds <= 0) return;
  for (const target of targets) await autocannon({ ...loadOf(target, options), duration: options.warmupSeconds });
}

/** A warm-up run (discarded), then the measured run with the same connections, its CPU use metered. */
export async function measure(target: Target, options: LoadOptions, meter: CpuMeter): Promise<Figures> {
  const base = loadOf(target, options);
  if (options.warmupSeconds > 0) await autocannon({ ...base, duration: options.warmupSeconds });
  meter.begin();
  const result = await autocannon({ ...base, duration: options.durationSeconds });
  return toFigures(result, meter.end(result.requests.total));
}
