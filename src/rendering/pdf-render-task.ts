import { embedFacturX, renderXRechnung } from '../../libs/e-invoice';
import { InventoryReportData, InvoiceDocumentData, renderInventoryReportPdf, renderInvoicePdf } from '../../libs/pdf';

/** What a render thread is asked to draw: plain data, copied to the thread by structured clone. */
export type PdfRenderTask = { kind: 'invoice'; data: InvoiceDocumentData } | { kind: 'inventory-report'; data: InventoryReportData };

export interface RenderedPdf {
  pdf: Buffer;
  /** An invoice's e-invoice as XRechnung (CII); the PDF embeds the same data as Factur-X. */
  xml?: string;
  /** CPU time of the whole render, on the thread that drew it. */
  cpuMs: number;
  /** Of that, the e-invoice's share: the XRechnung and embedding the Factur-X XML (0 for a report). */
  eInvoiceCpuMs: number;
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1000;
};

/**
 * Draws the task's PDF on the calling thread and measures that thread's CPU time for it. An
 * invoice becomes a Factur-X PDF/A-3 plus its XRechnung; data that is not a valid EN 16931
 * e-invoice throws (EInvoiceError), so no broken invoice is stored or mailed.
 */
export async function renderTask(task: PdfRenderTask): Promise<RenderedPdf> {
  const started = process.threadCpuUsage();
  if (task.kind === 'inventory-report') {
    const pdf = await renderInventoryReportPdf(task.data);
    return { pdf, cpuMs: cpuMsSince(started), eInvoiceCpuMs: 0 };
  }
  const plain = await renderInvoicePdf(task.data);
  const drawn = process.threadCpuUsage();
  const pdf = await embedFacturX(plain, task.data);
  const xml = await renderXRechnung(task.data);
  return { pdf, xml, cpuMs: cpuMsSince(started), eInvoiceCpuMs: cpuMsSince(drawn) };
}
