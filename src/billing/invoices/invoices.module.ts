import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module';
import { PaymentMethodsModule } from '../payment-methods/payment-methods.module';
import { InvoiceDeliveryService } from './invoice-delivery.service';
import { InvoiceDocumentService } from './invoice-document.service';
import { InvoiceMailContent } from './invoice-mail-content';
import { InvoiceRepository } from './invoice.repository';
import { InvoiceService } from './invoice.service';
import { InvoicesController } from './invoices.controller';

/** Issuing invoices with gapless numbers, their PDFs and their mails. */
@Module({
  imports: [MailModule, PaymentMethodsModule],
  controllers: [InvoicesController],
  providers: [InvoiceService, InvoiceDocumentService, InvoiceDeliveryService, InvoiceMailContent, InvoiceRepository],
  exports: [InvoiceService, InvoiceDocumentService, InvoiceDeliveryService],
})
export class InvoicesModule {}
