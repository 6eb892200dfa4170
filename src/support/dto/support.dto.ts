import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Digits with the usual separators, an optional leading +, and at least five digits. */
const PHONE = /^\+?(?:[\s()./-]*\d){5,20}[\s()./-]*$/;

export class UpdateSupportSettingsDto {
  @ApiProperty({ maxLength: 200, example: 'Muster IT GmbH' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  company: string;

  @ApiProperty({ format: 'email', maxLength: 254, example: 'support@muster-it.example' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 40, example: '+49 30 1234567', description: 'Digits with spaces, ( ) . / - and an optional leading +; 5 to 20 digits.' })
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  @Matches(PHONE, { message: 'phone must be a phone number such as +49 30 1234567' })
  phone: string;

  @ApiPropertyOptional({ type: String, format: 'uri', maxLength: 2048, nullable: true, example: 'https://muster-it.example/support' })
  @Transform(trim)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  @MaxLength(2048)
  website?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true, example: 'Mo–Fr 8–18 Uhr' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  hours?: string | null;
}

export class SupportSettingsDto {
  @ApiProperty({ description: 'False until the partner first saves its support settings; the other fields are null then.' })
  configured: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'Muster IT GmbH' })
  company: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'support@muster-it.example' })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+49 30 1234567' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true })
  website: string | null;

  @ApiProperty({ type: String, nullable: true })
  hours: string | null;
}

export class SupportContactDto {
  @ApiProperty({
    enum: ['partner', 'vendor'],
    description: 'partner: a linked customer organization whose partner has saved support settings; vendor: everyone else (the platform’s support).',
  })
  source: 'partner' | 'vendor';

  @ApiProperty({ example: 'Muster IT GmbH' })
  company: string;

  @ApiProperty({ example: 'support@muster-it.example' })
  email: string;

  @ApiProperty({ example: '+49 30 1234567' })
  phone: string;

  @ApiProperty({ type: String, nullable: true })
  website: string | null;

  @ApiProperty({ type: String, nullable: true })
  hours: string | null;
}
