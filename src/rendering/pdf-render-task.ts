import { InventoryReportData, InvoiceDocumentData, renderInventoryReportPdf, renderInvoicePdf } from '../../libs/pdf';

/** What a render thread is asked to draw: plain data, copied to the thread by structured clone. */
export type PdfRenderTask = { kind: 'invoice'; data: InvoiceDocumentData } | { kind: 'inventory-report'; data: InventoryReportData };

export interface RenderedPdf {
  pdf: Buffer;
  /** CPU time of the render alone, on the thread that drew it. */
  cpuMs: number;
}

/** Draws the task's PDF on the calling thread and measures that thread's CPU time for it. */
export async function renderTask(task: PdfRenderTask): Promise<RenderedPdf> {
  const started = process.threadCpuUsage();
  const pdf = task.kind === 'invoice' ? await renderInvoicePdf(task.data) : await renderInventoryReportPdf(task.data);
  const used = process.threadCpuUsage(started);
  return { pdf, cpuMs: (used.user + used.system) / 1000 };
}
