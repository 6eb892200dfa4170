import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CAPABILITIES, Capability } from '../../../authz/permission-table';
import { Omittable } from '../../../common/validation';

export const DEFAULT_API_KEY_DAYS = 90;
export const MAX_API_KEY_DAYS = 365;

const SCOPES_DESCRIPTION =
  'Capability names of the permissions map. A key acts as an admin of its organization (a partner organization’s key in that ' +
  'partner’s customer organizations as a partner admin would), narrowed to these; never beyond what its creator may do ' +
  '(403 api-key-scope-not-allowed names the grantable ones).';

export class CreateApiKeyDto {
  @ApiProperty({ maxLength: 100, example: 'PSA sync' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: CAPABILITIES, enumName: 'Capability', isArray: true, minItems: 1, uniqueItems: true, description: SCOPES_DESCRIPTION, example: ['read'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(CAPABILITIES.length)
  @ArrayUnique()
  @IsIn(CAPABILITIES, { each: true })
  scopes: Capability[];

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: MAX_API_KEY_DAYS, default: DEFAULT_API_KEY_DAYS })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_API_KEY_DAYS)
  expiresInDays?: number;
}

export class ApiKeyCreatorDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  id: string | null;

  @ApiProperty({ format: 'email' })
  email: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: CAPABILITIES, enumName: 'Capability', isArray: true })
  scopes: Capability[];

  @ApiProperty({ description: 'The start of the key, to tell keys apart.', example: 'phk_7bXq2LmA' })
  prefix: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: ApiKeyCreatorDto })
  createdBy: ApiKeyCreatorDto;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Recorded at most once a minute.' })
  lastUsedAt: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The client address of that use.' })
  lastUsedIp: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    description: 'The key, shown this once (only its SHA-256 is stored). Send it as `Authorization: Bearer phk_…`.',
    example: 'phk_7bXq2LmAr0Kd9sWcVn3TzY8pHe5UfQ1gJ4x0aB',
  })
  key: string;
}

export class ApiKeyPageDto {
  @ApiProperty({ type: [ApiKeyDto] })
  items: ApiKeyDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
