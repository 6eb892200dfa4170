// Timing of in-process renders (the PDF benchmarks) and the statistics of the samples.
import { performance } from 'node:perf_hooks';
import { formatNumber, formatTable } from './report';

/** Nearest-rank percentile of ascending samples; with fewer than 100 samples p99 is the maximum. */
export function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/** Median of ascending samples; the mean of the middle two for an even count. */
export function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface RenderTimes {
  runs: number;
  medianMs: number;
  p99Ms: number;
}

/** What the render benchmarks report per scenario: the times against a goal for the median. */
export interface RenderTiming extends RenderTimes {
  label: string;
  targetMedianMs: number;
  pass: boolean;
}

/** `warmups` discarded calls (font parsing, JIT), then `runs` timed sequential ones; `last` is what the last call returned. */
export async function timeRenders<T>(render: () => Promise<T>, warmups: number, runs: number): Promise<{ times: RenderTimes; last: T | undefined }> {
  let last: T | undefined;
  for (let i = 0; i < warmups; i++) last = await render();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await render();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { times: { runs, medianMs: median(samples), p99Ms: percentile(samples, 0.99) }, last };
}

export function formatRenderTimings(figures: RenderTiming[]): string {
  return formatTable(
    ['scenario', 'runs', 'median ms', 'p99 ms', 'goal (median)', 'result'],
    figures.map((f) => [f.label, String(f.runs), formatNumber(f.medianMs, 1), formatNumber(f.p99Ms, 1), `< ${f.targetMedianMs} ms`, f.pass ? 'PASS' : 'FAIL']),
  );
}
