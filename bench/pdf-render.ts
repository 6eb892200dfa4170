// Invoice PDF render time, in process: sequential renders of a 10-line and a 200-line invoice
// after warm-ups (font parsing, JIT). Standalone: `node dist/bench/pdf-render.js`.
import { renderInvoicePdf } from '../libs/pdf';
import { sampleInvoice } from '../libs/pdf/testing/sample-invoice';
import { RenderTiming, formatRenderTimings, timeRenders } from './stats';

export interface PdfRenderFigures extends RenderTiming {
  lines: number;
}

export interface PdfRenderOptions {
  /** Discarded renders before each scenario (2). */
  warmups?: number;
  /** Measured renders of the 10-line invoice (30). */
  smallRuns?: number;
  /** Measured renders of the 200-line invoice (15). */
  largeRuns?: number;
}

async function measureScenario(label: string, lines: number, runs: number, warmups: number, targetMedianMs: number): Promise<PdfRenderFigures> {
  const invoice = sampleInvoice(lines);
  const { times } = await timeRenders(() => renderInvoicePdf(invoice), warmups, runs);
  return { label, lines, ...times, targetMedianMs, pass: times.medianMs < targetMedianMs };
}

export async function measureInvoicePdfRender(options: PdfRenderOptions = {}): Promise<PdfRenderFigures[]> {
  const warmups = options.warmups ?? 2;
  return [
    await measureScenario('invoice PDF, 10 lines', 10, options.smallRuns ?? 30, warmups, 100),
    await measureScenario('invoice PDF, 200 lines', 200, options.largeRuns ?? 15, warmups, 300),
  ];
}

export function formatPdfRenderReport(figures: PdfRenderFigures[]): string {
  return formatRenderTimings(figures);
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
