import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsObject, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateBy, ValidateNested } from 'class-validator';
import { IsVatId } from '../../../common/vat-id';
import { AddressDto } from '../../../tenancy/dto/organization.dto';

export class BillingRecipientDto extends AddressDto {
  @ApiProperty({ maxLength: 200, example: 'Muster IT GmbH' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'email', maxLength: 254, description: 'Invoices are e-mailed here.', example: 'rechnung@muster.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'ATU12345678',
    description: "The recipient's VAT ID with its country prefix, printed on its invoices; format checked per country. Unset or null: the organization's own, if any.",
  })
  @IsOptional()
  @IsVatId()
  vatId?: string | null;
}

const OnlyWithDifferentBillingAddress = () =>
  ValidateBy({
    name: 'onlyWithDifferentBillingAddress',
    validator: {
      validate: (value, args) => value !== true || (args?.object as UpdateBillingAddressDto).differentBillingAddress === true,
      defaultMessage: () => 'useAsInvoiceRecipient requires differentBillingAddress',
    },
  });

export class UpdateBillingAddressDto {
  @ApiProperty({ description: '"Abweichende Rechnungsadresse": invoices go to the postal address in `recipient` instead of the organization address.' })
  @IsBoolean()
  differentBillingAddress: boolean;

  @ApiProperty({
    description:
      '"Als Rechnungsempfänger verwenden": invoices also carry `recipient.name` instead of the organization name. Only together with `differentBillingAddress`.',
  })
  @IsBoolean()
  @OnlyWithDifferentBillingAddress()
  useAsInvoiceRecipient: boolean;

  @ApiProperty({ type: BillingRecipientDto, description: '`email` is the invoice e-mail whatever the switches say.' })
  @IsObject()
  @ValidateNested()
  @Type(() => BillingRecipientDto)
  recipient: BillingRecipientDto;
}

export class BillingAddressDto {
  @ApiProperty()
  differentBillingAddress: boolean;

  @ApiProperty()
  useAsInvoiceRecipient: boolean;

  @ApiProperty({
    type: BillingRecipientDto,
    description:
      'For a linked customer organization, the partner as its invoices address it. Otherwise the saved form, or before the first save the organization itself at its first admin’s e-mail.',
  })
  recipient: BillingRecipientDto;

  @ApiProperty({ description: 'A linked customer organization: its partner receives the invoices, and PUT answers 409 managed-by-partner.' })
  managedByPartner: boolean;
}
