import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Omittable } from '../../common/validation';

export const MIN_INTERVAL_SECONDS = 30;
export const MAX_INTERVAL_SECONDS = 86_400;
export const DEFAULT_INTERVAL_SECONDS = 300;

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true };

export class CreateEndpointDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Web shop' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiProperty({
    format: 'uri',
    maxLength: 2048,
    description: 'http:// or https:// URL to monitor.',
    example: 'https://shop.example.com/health',
  })
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: MIN_INTERVAL_SECONDS,
    maximum: MAX_INTERVAL_SECONDS,
    default: DEFAULT_INTERVAL_SECONDS,
    description: 'Check interval.',
  })
  @Omittable()
  @IsInt()
  @Min(MIN_INTERVAL_SECONDS)
  @Max(MAX_INTERVAL_SECONDS)
  intervalSeconds?: number;
}

/** Every field optional, none nullable: `null` is rejected rather than clearing a required column. */
export class UpdateEndpointDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uri', maxLength: 2048 })
  @ValidateIf((_, value) => value !== undefined)
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: MIN_INTERVAL_SECONDS, maximum: MAX_INTERVAL_SECONDS })
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(MIN_INTERVAL_SECONDS)
  @Max(MAX_INTERVAL_SECONDS)
  intervalSeconds?: number;
}

export class EndpointDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uri' })
  url: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: MIN_INTERVAL_SECONDS, maximum: MAX_INTERVAL_SECONDS })
  intervalSeconds: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class EndpointPageDto {
  @ApiProperty({ type: [EndpointDto] })
  items: EndpointDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
