// Inventory report PDF render time and memory. Time: sequential renders of a 1 000-host report (and
// 250 endpoints) in this process, after warm-ups (font parsing, JIT). Memory: a fresh child process
// renders the same report; its peak RSS is the kernel's high-water mark (`resourceUsage().maxRSS`),
// which also catches the synchronous layout that no timer could sample. Reported next to the RSS the
// child had before its first render (Node, pdfmake, fonts and the sample data loaded), so the
// difference is what rendering costs. Standalone: `node dist/bench/report-render.js`.
import { fork } from 'node:child_process';
import { renderInventoryReportPdf } from '../libs/pdf';
import { countPdfPages } from '../libs/pdf/testing/pdf-text';
import { sampleInventory } from '../libs/pdf/testing/sample-inventory';
import { formatNumber } from './report';
import { RenderTiming, formatRenderTimings, timeRenders } from './stats';

const MEMORY_PROBE_FLAG = '--memory-probe';
const MB = 1024 * 1024;

export interface ReportMemoryFigures {
  /** Renders in the child process. */
  renders: number;
  /** RSS of the child before its first render. */
  baselineRssMb: number;
  /** Highest RSS the child reached (kernel high-water mark). */
  peakRssMb: number;
  /** V8 heap in use right after the last render, before any forced collection. */
  heapUsedAfterMb: number;
}

export interface ReportRenderFigures extends RenderTiming {
  hosts: number;
  endpoints: number;
  pages: number;
  pdfBytes: number;
  /** Null when the child process could not be started or failed. */
  memory: ReportMemoryFigures | null;
}

export interface ReportRenderOptions {
  hosts?: number;
  /** Discarded renders before measuring (2). */
  warmups?: number;
  /** Measured renders (15). */
  runs?: number;
  /** Renders in the memory child process (3: the cold one and two after it). */
  memoryRenders?: number;
}

async function probeMemory(hosts: number, renders: number): Promise<ReportMemoryFigures> {
  const report = sampleInventory(hosts);
  const baselineRssMb = process.memoryUsage().rss / MB;
  for (let i = 0; i < renders; i++) await renderInventoryReportPdf(report);
  return {
    renders,
    baselineRssMb,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
    heapUsedAfterMb: process.memoryUsage().heapUsed / MB,
  };
}

/** Runs `probeMemory` in a fresh Node process (this compiled file, forked), so earlier work does not raise its peak. */
function measureMemoryInChild(hosts: number, renders: number): Promise<ReportMemoryFigures | null> {
  return new Promise((resolve) => {
    const child = fork(__filename, [MEMORY_PROBE_FLAG, String(hosts), String(renders)], {
      execArgv: [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let figures: ReportMemoryFigures | null = null;
    child.on('message', (message) => (figures = message as ReportMemoryFigures));
    child.on('error', () => resolve(null));
    child.on('exit', () => resolve(figures));
  });
}

export async function measureInventoryReportRender(options: ReportRenderOptions = {}): Promise<ReportRenderFigures> {
  const hosts = options.hosts ?? 1000;
  const runs = options.runs ?? 15;
  const report = sampleInventory(hosts);
  const { times, last } = await timeRenders(() => renderInventoryReportPdf(report), options.warmups ?? 2, runs);
  const pdf = last ?? Buffer.alloc(0);
  const targetMedianMs = 1000;
  return {
    label: `inventory report PDF, ${hosts} hosts`,
    hosts,
    endpoints: report.endpoints.length,
    pages: countPdfPages(pdf),
    pdfBytes: pdf.length,
    ...times,
    targetMedianMs,
    pass: times.medianMs < targetMedianMs,
    memory: await measureMemoryInChild(hosts, options.memoryRenders ?? 3),
  };
}

export function formatReportRenderReport(figures: ReportRenderFigures): string {
  const memory = figures.memory;
  const timing = formatRenderTimings([figures]);
  const size = `${figures.hosts} hosts + ${figures.endpoints} endpoints: ${figures.pages} pages, ${formatNumber(figures.pdfBytes / 1024, 0)} KiB`;
  const peak = memory
    ? `peak RSS ${formatNumber(memory.peakRssMb, 0)} MB in a fresh process rendering it ${memory.renders}×` +
      ` (${formatNumber(memory.baselineRssMb, 0)} MB before the first render, so +${formatNumber(memory.peakRssMb - memory.baselineRssMb, 0)} MB;` +
      ` heap in use after the last render ${formatNumber(memory.heapUsedAfterMb, 0)} MB)`
    : 'peak memory: not measured (the child process failed)';
  return `${timing}\n${size}\n${peak}`;
}

if (require.main === module) {
  if (process.argv[2] === MEMORY_PROBE_FLAG) {
    probeMemory(Number(process.argv[3]), Number(process.argv[4]))
      .then((figures) => process.send?.(figures))
      .catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      });
  } else {
    measureInventoryReportRender()
      .then((figures) => {
        console.log(`${formatReportRenderReport(figures)}\n`);
        if (!figures.pass) process.exitCode = 1;
      })
      .catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      });
  }
}
