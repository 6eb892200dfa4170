import { Module } from '@nestjs/common';
import { QueueWorkerModule } from '../../queue/queue-worker.module';
import { MailModule } from '../../mail/mail.module';
import { InvoicePdfProcessor } from './invoice-pdf.processor';
import { InvoicePdfRenderer } from './invoice-pdf.renderer';

/** The `pdf` queue's worker; imported only where workers run. */
@Module({ imports: [QueueWorkerModule, MailModule], providers: [InvoicePdfProcessor, InvoicePdfRenderer] })
export class InvoicePdfWorkerModule {}
