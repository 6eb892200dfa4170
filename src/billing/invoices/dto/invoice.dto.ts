import { ApiProperty } from '@nestjs/swagger';

export class InvoiceRecipientDto {
  @ApiProperty() name: string;
  @ApiProperty() street: string;
  @ApiProperty() postalCode: string;
  @ApiProperty() city: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @ApiProperty({ format: 'email' }) email: string;
}

export class InvoiceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-000042', description: 'YYYY-NNNNNN, gapless per year; invoices and credit notes share the sequence' }) number: string;
  @ApiProperty({
    enum: ['invoice', 'credit_note'],
    description: '`credit_note`: a Rechnungskorrektur of the invoice `correctsInvoiceId`, with negative amounts',
  })
  type: 'invoice' | 'credit_note';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For a credit note, the invoice it corrects; else null' })
  correctsInvoiceId: string | null;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Payable at the latest: the issue date plus the payment terms (PAYMENT_TERMS_DAYS, 14 by default); null on a credit note' })
  dueAt: string | null;
  @ApiProperty({ format: 'date-time' }) periodStart: string;
  @ApiProperty({ format: 'date-time' }) periodEnd: string;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Net total in cents (negative on a credit note)' }) net: number;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'VAT in cents (negative on a credit note)' }) tax: number;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Gross total in cents (negative on a credit note)' }) gross: number;
  @ApiProperty({ description: 'VAT rate in percent applied at issue' }) vatRate: number;
  @ApiProperty({
    enum: ['domestic', 'reverse-charge', 'outside-eu'],
    description:
      '`domestic`: German VAT. `reverse-charge`: a business in another EU country (VAT ID on file) owes the VAT (0 %, Steuerschuldnerschaft des Leistungsempfängers). `outside-eu`: not taxable in Germany (0 %).',
  })
  vatTreatment: 'domestic' | 'reverse-charge' | 'outside-eu';
  @ApiProperty({ type: String, nullable: true, description: 'On a credit note staff issued, why the invoice was corrected (also printed on it); else null' })
  creditReason: string | null;
  @ApiProperty({ enum: ['EUR'] }) currency: 'EUR';
  @ApiProperty({ type: InvoiceRecipientDto, description: 'The billing owner as addressed at issue' }) recipient: InvoiceRecipientDto;
  @ApiProperty({ enum: ['issued'] }) status: 'issued';
}

export class InvoiceLineDto {
  @ApiProperty({ type: 'integer', format: 'int32' }) position: number;
  @ApiProperty({ example: 'business' }) code: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: 'integer', format: 'int32' }) quantity: number;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Net unit price in cents at the partner conditions' }) unitPrice: number;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Net line total in cents' }) total: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The line's own period where it differs from the invoice's (a pro-rated addon, a credited rest of a period); else null" })
  periodStart: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Exclusive end of the line period' })
  periodEnd: string | null;
}

export class InvoiceDetailDto extends InvoiceDto {
  @ApiProperty({ type: [InvoiceLineDto] }) lines: InvoiceLineDto[];
}

export class InvoicePageDto {
  @ApiProperty({ type: [InvoiceDto] }) items: InvoiceDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class InvoiceCustomerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The customer organization was deleted; its invoices are kept.' }) deleted: boolean;
}

export class CustomerInvoiceDto extends InvoiceDto {
  @ApiProperty({ type: InvoiceCustomerDto }) customer: InvoiceCustomerDto;
}

export class CustomerInvoicePageDto {
  @ApiProperty({ type: [CustomerInvoiceDto] }) items: CustomerInvoiceDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class InvoicePdfPendingDto {
  @ApiProperty({ enum: ['pending', 'failed'], description: '`failed`: the last rendering attempt failed; it is retried.' }) status: 'pending' | 'failed';
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Seconds to wait before asking again (also in the Retry-After header)', example: 2 }) retryAfter: number;
}
