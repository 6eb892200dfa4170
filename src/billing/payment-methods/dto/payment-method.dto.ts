import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CARD_BRANDS, CardBrand } from '../card';
import { PaymentMethodType } from '../payment-method.entity';
import { IsCardNumber, IsIban, IsUnexpiredCard } from './payment-method.validators';

export class NewSepaPaymentMethodDto {
  @ApiProperty({ enum: [PaymentMethodType.Sepa] })
  @IsIn([PaymentMethodType.Sepa])
  type: PaymentMethodType.Sepa;

  @ApiProperty({
    maxLength: 42,
    description: 'Checked against the country’s IBAN length and the ISO 13616 check digits; spaces allowed. Only a masked form is stored.',
    example: 'DE89 3704 0044 0532 0130 00',
  })
  @IsString()
  @MaxLength(42)
  @IsIban()
  iban: string;

  @ApiProperty({ maxLength: 70, example: 'Muster IT GmbH' })
  @IsString()
  @Matches(/\S/, { message: 'accountHolder must not be blank' })
  @MaxLength(70)
  accountHolder: string;
}

export class NewCardPaymentMethodDto {
  @ApiProperty({ enum: [PaymentMethodType.Card] })
  @IsIn([PaymentMethodType.Card])
  type: PaymentMethodType.Card;

  @ApiProperty({
    maxLength: 23,
    description: 'Checked with the Luhn algorithm; spaces and dashes allowed. Never stored: only the brand and the last four digits are.',
    example: '4242 4242 4242 4242',
  })
  @IsString()
  @MaxLength(23)
  @IsCardNumber()
  number: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 12, example: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  expiryMonth: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 2000, maximum: 2099, example: 2030, description: 'Four digits. The card must not have expired (it is valid through the end of its expiry month).' })
  @IsInt()
  @Min(2000)
  @Max(2099)
  @IsUnexpiredCard()
  expiryYear: number;

  @ApiProperty({ maxLength: 100, description: 'Name on the card; checked for presence, not stored.', example: 'Erika Mustermann' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  holder: string;
}

export type NewPaymentMethodDto = NewSepaPaymentMethodDto | NewCardPaymentMethodDto;

export class PaymentMethodDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: PaymentMethodType, enumName: 'PaymentMethodType' })
  type: PaymentMethodType;

  @ApiProperty({ description: 'Masked, for recognising the method.', example: 'DE89 •••• •••• •••• •••• 3000' })
  label: string;

  @ApiProperty({ description: 'Last four characters of the IBAN or card number.', example: '3000' })
  last4: string;

  @ApiProperty({ enum: CARD_BRANDS, nullable: true, type: String, description: 'Cards only; null for SEPA.' })
  brand: CardBrand | null;

  @ApiProperty({ type: 'integer', format: 'int32', nullable: true, minimum: 1, maximum: 12, description: 'Cards only; null for SEPA.' })
  expiryMonth: number | null;

  @ApiProperty({ type: 'integer', format: 'int32', nullable: true, description: 'Cards only; null for SEPA.' })
  expiryYear: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'SEPA only; null for cards.' })
  accountHolder: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 35,
    example: 'PH0193A4C2E1B87D4F6A9C3E2B1D0F7A58',
    description: 'SEPA only: the direct-debit mandate reference (Mandatsreferenz) printed on the invoices this method pays; null for cards.',
  })
  mandateReference: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class PaymentMethodPageDto {
  @ApiProperty({ type: [PaymentMethodDto] })
  items: PaymentMethodDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
