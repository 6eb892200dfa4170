import { PdfRenderTask, RenderedPdf, renderTask } from './pdf-render-task';

/** The entry point of a render thread (see PdfRenderPool); the PDF (tens of kB) goes back by structured clone. */
export default function renderInThread(task: PdfRenderTask): Promise<RenderedPdf> {
  return renderTask(task);
}
