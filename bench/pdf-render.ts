// Invoice PDF render time, in process: sequential renders of a 10-line and a 200-line invoice
// after warm-ups (font parsing, JIT), first the plain pdfmake PDF, then what the pdf queue does
// (renderTask: the PDF made a Factur-X PDF/A-3 with its XML embedded, plus the XRechnung), so both
// come from one run. Standalone: `node dist/bench/pdf-render.js`.
import { renderInvoicePdf } from '../libs/pdf';
import { renderTask } from '../src/rendering/pdf-render-task';
import { sampleInvoice } from '../libs/pdf/testing/sample-invoice';
import { RenderTiming, formatRenderTimings, timeRenders } from './stats';

export interface PdfRenderFigures extends RenderTiming {
  lines: number;
  eInvoice: boolean;
}

export interface PdfRenderOptions {
  /** Discarded renders before each scenario (2). */
  warmups?: number;
  /** Measured renders of the 10-line invoice (30). */
  smallRuns?: number;
  /** Measured renders of the 200-line invoice (15). */
  largeRuns?: number;
}

async function measureScenario(label: string, lines: number, eInvoice: boolean, runs: number, warmups: number, targetMedianMs: number): Promise<PdfRenderFigures> {
  const invoice = sampleInvoice(lines);
  const render = eInvoice ? () => renderTask({ kind: 'invoice', data: invoice }).then(({ pdf }) => pdf) : () => renderInvoicePdf(invoice);
  const { times } = await timeRenders(render, warmups, runs);
  return { label, lines, eInvoice, ...times, targetMedianMs, pass: times.medianMs < targetMedianMs };
}

export async function measureInvoicePdfRender(options: PdfRenderOptions = {}): Promise<PdfRenderFigures[]> {
  const warmups = options.warmups ?? 2;
  const small = options.smallRuns ?? 30;
  const large = options.largeRuns ?? 15;
  return [
    await measureScenario('invoice PDF, 10 lines', 10, false, small, warmups, 100),
    await measureScenario('invoice PDF, 200 lines', 200, false, large, warmups, 300),
    await measureScenario('e-invoice (Factur-X PDF/A-3 + XRechnung), 10 lines', 10, true, small, warmups, 150),
    await measureScenario('e-invoice (Factur-X PDF/A-3 + XRechnung), 200 lines', 200, true, large, warmups, 450),
  ];
}

export function formatPdfRenderReport(figures: PdfRenderFigures[]): string {
  const ratios = figures
    .filter((figure) => figure.eInvoice)
    .map((hybrid) => {
      const plain = figures.find((figure) => !figure.eInvoice && figure.lines === hybrid.lines);
      return plain ? `${hybrid.lines} lines: e-invoice median ÷ plain PDF median = ${(hybrid.medianMs / plain.medianMs).toFixed(2)}×` : '';
    })
    .filter(Boolean);
  return `${formatRenderTimings(figures)}\n${ratios.join('\n')}`;
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
