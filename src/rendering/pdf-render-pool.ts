import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PdfRenderTask, RenderedPdf, renderTask } from './pdf-render-task';

const THREAD_ENTRY = join(__dirname, 'pdf-render-thread.js');

/**
 * Renders PDFs on worker threads (PDF_RENDER_THREADS of them, by default one per CPU), so a worker
 * process uses every core and its event loop stays free for PostgreSQL, Redis and SMTP while
 * pdfmake lays out a document. A pool of threads is piscina's, a kept library: task queueing,
 * thread restarts and transfers are not our domain. With PDF_RENDER_THREADS=0 documents are drawn
 * on the main thread (the only way when running from TypeScript sources, as the tests do).
 */
@Injectable()
export class PdfRenderPool implements OnModuleDestroy {
  private readonly pool?: Piscina<PdfRenderTask, Omit<RenderedPdf, 'pdf'> & { pdf: Uint8Array }>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const threads = config.pdfRenderThreads;
    if (threads === 0) return;
    if (!existsSync(THREAD_ENTRY)) {
      throw new Error(`PDF_RENDER_THREADS=${threads} needs the compiled build (${THREAD_ENTRY} is missing); set PDF_RENDER_THREADS=0 to render on the main thread`);
    }
    this.pool = new Piscina({ filename: THREAD_ENTRY, minThreads: 1, maxThreads: threads, idleTimeout: 60_000 });
  }

  /** How many renders can run at once; callers size their job concurrency from it. */
  get capacity(): number {
    return this.pool?.options.maxThreads ?? 1;
  }

  async render(task: PdfRenderTask): Promise<RenderedPdf> {
    if (!this.pool) return renderTask(task);
    const { pdf, ...rendered } = await this.pool.run(task);
    // Structured clone hands a Buffer back as a plain Uint8Array.
    return { ...rendered, pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
