// Invoice PDF render time, in process: sequential renders of a 10-line and a 200-line invoice
// after warm-ups (font parsing, JIT). Standalone: `node dist/bench/pdf-render.js`.
import { performance } from 'node:perf_hooks';
import { renderInvoicePdf } from '../libs/pdf';
import { sampleInvoice } from '../libs/pdf/testing/sample-invoice';
import { formatNumber, formatTable } from './report';

export interface PdfRenderFigures {
  label: string;
  lines: number;
  runs: number;
  medianMs: number;
  p99Ms: number;
  targetMedianMs: number;
  pass: boolean;
}

export interface PdfRenderOptions {
  /** Discarded renders before each scenario (2). */
  warmups?: number;
  /** Measured renders of the 10-line invoice (30). */
  smallRuns?: number;
  /** Measured renders of the 200-line invoice (15). */
  largeRuns?: number;
}

/** Nearest-rank percentile of ascending samples; with fewer than 100 samples p99 is the maximum. */
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measureScenario(label: string, lines: number, runs: number, warmups: number, targetMedianMs: number): Promise<PdfRenderFigures> {
  const invoice = sampleInvoice(lines);
  for (let i = 0; i < warmups; i++) await renderInvoicePdf(invoice);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await renderInvoicePdf(invoice);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const medianMs = median(samples);
  return { label, lines, runs, medianMs, p99Ms: percentile(samples, 0.99), targetMedianMs, pass: medianMs < targetMedianMs };
}

export async function measureInvoicePdfRender(options: PdfRenderOptions = {}): Promise<PdfRenderFigures[]> {
  const warmups = options.warmups ?? 2;
  return [
    await measureScenario('invoice PDF, 10 lines', 10, options.smallRuns ?? 30, warmups, 100),
    await measureScenario('invoice PDF, 200 lines', 200, options.largeRuns ?? 15, warmups, 300),
  ];
}

export function formatPdfRenderReport(figures: PdfRenderFigures[]): string {
  return formatTable(
    ['scenario', 'runs', 'median ms', 'p99 ms', 'goal (median)', 'result'],
    figures.map((f) => [f.label, String(f.runs), formatNumber(f.medianMs, 1), formatNumber(f.p99Ms, 1), `< ${f.targetMedianMs} ms`, f.pass ? 'PASS' : 'FAIL']),
  );
}

if (require.main === module) {
  measureInvoicePdfRender()
    .then((figures) => {
      console.log(`${formatPdfRenderReport(figures)}\n`);
      if (figures.some((f) => !f.pass)) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
