import { Module } from '@nestjs/common';
import { PdfRenderPool } from './pdf-render-pool';

/** PDF rendering off the event loop; imported by the modules whose workers draw PDFs. */
@Module({ providers: [PdfRenderPool], exports: [PdfRenderPool] })
export class RenderingModule {}
