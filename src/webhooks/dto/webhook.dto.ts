import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { Omittable } from '../../common/validation';
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES, WebhookEventType } from '../../webhook-events/webhook-event-types';
import { WebhookDeliveryStatus } from '../webhook-delivery.entity';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true, require_tld: false };

const URL_DESCRIPTION =
  'The receiver, https only. Refused (400 webhook-target-refused) when it resolves to a private, loopback, link-local ' +
  '(cloud metadata) or other non-public address, or cannot be resolved; every delivery and every redirect it follows is ' +
  'checked again when it connects. Redirects (301, 302, 303, 307, 308) are followed up to 3 times with the same signed POST.';

const EVENTS_DESCRIPTION =
  'The events it receives. Events about money (`subscription.*`, `invoice.*`) need the billing capability here: only the ' +
  'billing owner hears them, so a linked customer organization cannot subscribe to them (403 webhook-event-not-allowed).';

const INCLUDE_CUSTOMERS_DESCRIPTION =
  'Partner organizations only: also receive the events of every linked customer organization (`data.organizationId` names ' +
  'the customer). Events about money of customers (their subscriptions and invoices, which are the partner’s) reach the ' +
  'partner’s webhooks either way.';

export class CreateWebhookDto {
  @ApiProperty({ format: 'uri', maxLength: 2048, description: URL_DESCRIPTION, example: 'https://psa.example.com/hooks/partnerhub' })
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, enumName: 'WebhookEventType', isArray: true, minItems: 1, uniqueItems: true, description: EVENTS_DESCRIPTION })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ default: false, description: INCLUDE_CUSTOMERS_DESCRIPTION })
  @Omittable()
  @IsBoolean()
  includeCustomers?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ format: 'uri', maxLength: 2048, description: URL_DESCRIPTION })
  @Omittable()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, enumName: 'WebhookEventType', isArray: true, minItems: 1, uniqueItems: true, description: EVENTS_DESCRIPTION })
  @Omittable()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ description: INCLUDE_CUSTOMERS_DESCRIPTION })
  @Omittable()
  @IsBoolean()
  includeCustomers?: boolean;

  @ApiPropertyOptional({
    description: 'false pauses deliveries (they wait); true enables a webhook again, also one disabled after failing, and delivers what waited.',
  })
  @Omittable()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uri' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, enumName: 'WebhookEventType', isArray: true })
  events: WebhookEventType[];

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty()
  includeCustomers: boolean;

  @ApiProperty({ description: 'false while paused or after it was disabled for failing (see disabledReason).' })
  enabled: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'no event accepted since 2026-12-01T10:00:00.000Z' })
  disabledReason: string | null;

  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'The first failed attempt since the last success; it is disabled after 5 days of that.' })
  failingSince: string | null;

  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'Until then deliveries are signed with the secret before the last rotation too.' })
  previousSecretExpiresAt: string | null;

  @ApiProperty({ description: 'Who created it: an e-mail, or an API key’s name.' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    description: 'The signing secret (Standard Webhooks), shown this once. Verify `webhook-signature` with it, e.g. with the `standardwebhooks` package.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret: string;
}

export class RotatedWebhookSecretDto {
  @ApiProperty({ description: 'The new secret, shown this once.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  secret: string;

  @ApiProperty({ format: 'date-time', description: 'Until then deliveries carry a signature with the old secret as well.' })
  previousSecretExpiresAt: string;
}

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto] })
  items: WebhookDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The `webhook-id` header: the same on every attempt, for deduplication.' })
  eventId: string;

  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE], enumName: 'WebhookDeliveryEventType' })
  eventType: string;

  @ApiProperty({ enum: WebhookDeliveryStatus, enumName: 'WebhookDeliveryStatus', description: 'pending also while it waits for its next attempt.' })
  status: WebhookDeliveryStatus;

  @ApiProperty({ type: 'integer', format: 'int32' })
  attempts: number;

  @ApiProperty({ type: 'integer', format: 'int32', nullable: true, description: 'The last attempt’s HTTP status; null when there was no answer.' })
  responseStatus: number | null;

  @ApiProperty({ type: 'integer', format: 'int32', nullable: true, description: 'How long the last attempt took, in milliseconds.' })
  durationMs: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  lastAttemptAt: string | null;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  nextAttemptAt: string | null;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  succeededAt: string | null;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  items: WebhookDeliveryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
