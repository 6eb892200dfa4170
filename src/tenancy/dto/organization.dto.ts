import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO31661Alpha2, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsVatId } from '../../common/vat-id';
import { LOCALES, Locale } from '../../../libs/i18n';
import { IsUuid } from '../../common/uuid-param';
import { Omittable } from '../../common/validation';
import { MembershipRole, OrganizationKind } from '../../authz/roles';

export class AddressDto {
  @ApiProperty({ maxLength: 200, example: 'Hauptstraße 1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  street: string;

  @ApiProperty({ maxLength: 20, example: '99084' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode: string;

  @ApiProperty({ maxLength: 100, example: 'Erfurt' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2 country code', example: 'DE' })
  @IsISO31661Alpha2()
  country: string;
}

export class CreateOrganizationDto {
  @ApiProperty({ maxLength: 200, example: 'Muster GmbH' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: AddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Partner organization to link the new organization to ("linked customer organization"). The caller must be an admin of it. Without it a standalone organization is created with the caller as admin.',
  })
  @Omittable()
  @IsUuid()
  partnerId?: string;

  @ApiPropertyOptional({ enum: LOCALES, enumName: 'Locale', description: "Language of the organization's mails and documents. Default: the partner's for a linked customer organization, else `de`." })
  @Omittable()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;
}

/** Every field optional, none nullable: `null` is rejected rather than clearing a required column. */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ enum: LOCALES, enumName: 'Locale', description: "Language of the organization's mails and documents." })
  @Omittable()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'DE123456789',
    description: "The organization's VAT ID (USt-IdNr.) with its country prefix, format checked per country; printed on the invoices it pays unless its billing address names another. `null` removes it.",
  })
  @IsOptional()
  @IsVatId()
  vatId?: string | null;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: OrganizationKind, enumName: 'OrganizationKind' })
  kind: OrganizationKind;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  partnerId: string | null;

  @ApiProperty({ type: AddressDto })
  address: AddressDto;

  @ApiProperty({ enum: LOCALES, enumName: 'Locale', description: "Language of the organization's mails and documents." })
  locale: Locale;

  @ApiProperty({ type: String, nullable: true, description: "The organization's VAT ID, printed on the invoices it pays." })
  vatId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AccessibleOrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: OrganizationKind, enumName: 'OrganizationKind' })
  kind: OrganizationKind;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  partnerId: string | null;

  @ApiProperty({ enum: MembershipRole, enumName: 'MembershipRole' })
  role: MembershipRole;

  @ApiProperty({ description: 'Access comes from a membership in the partner organization.' })
  viaPartner: boolean;
}

export class AccessibleOrganizationPageDto {
  @ApiProperty({ type: [AccessibleOrganizationDto] })
  items: AccessibleOrganizationDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class CustomerOrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: [OrganizationKind.Customer] })
  kind: OrganizationKind;

  @ApiProperty({ format: 'uuid' })
  partnerId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CustomerOrganizationPageDto {
  @ApiProperty({ type: [CustomerOrganizationDto] })
  items: CustomerOrganizationDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class UpdateSecurityDto {
  @ApiProperty({ description: 'Members must have 2FA on to use this organization (403 mfa-required until they enrol). A partner’s applies to its linked customer organizations too.' })
  @IsBoolean()
  requireMfa: boolean;
}

export class SecurityDto {
  @ApiProperty({ description: 'This organization’s own setting.' })
  requireMfa: boolean;

  @ApiProperty({ description: 'Its partner requires 2FA, so its members need it whatever its own setting.' })
  requiredByPartner: boolean;
}
