import { Module } from '@nestjs/common';
import { QueueWorkerModule } from '../../queue/queue-worker.module';
import { MailModule } from '../../mail/mail.module';
import { RenderingModule } from '../../rendering/rendering.module';
import { InvoicePdfProcessor } from './invoice-pdf.processor';
import { InvoicePdfRenderer } from './invoice-pdf.renderer';
import { InvoiceRepository } from './invoice.repository';

/** The `pdf` queue's worker; imported only where workers run. */
@Module({ imports: [QueueWorkerModule, MailModule, RenderingModule], providers: [InvoicePdfProcessor, InvoicePdfRenderer, InvoiceRepository] })
export class InvoicePdfWorkerModule {}
