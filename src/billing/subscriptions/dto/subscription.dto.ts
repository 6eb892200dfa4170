import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, Equals, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { BillingInterval } from '../../catalog/catalog.entity';
import { InvoiceDto } from '../../invoices/dto/invoice.dto';
import { Omittable } from '../../../common/validation';

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class OrderSubscriptionDto {
  @ApiProperty({ example: 'business' })
  @IsString()
  @MaxLength(64)
  @Matches(CODE, { message: 'planCode must be a catalog code' })
  planCode: string;

  @ApiPropertyOptional({ type: [String], example: ['hosts-10'], maxItems: 20 })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(CODE, { each: true, message: 'addonCodes must be catalog codes' })
  addonCodes?: string[];

  @ApiProperty({ enum: [true], description: '"Zahlungspflichtig bestellen": the order is binding and will be invoiced.' })
  @Equals(true, { message: 'acceptPaymentObligation must be true: ordering is binding and will be invoiced' })
  acceptPaymentObligation: true;
}

export class AddAddonDto {
  @ApiProperty({ example: 'hosts-10' })
  @IsString()
  @MaxLength(64)
  @Matches(CODE, { message: 'addonCode must be a catalog code' })
  addonCode: string;
}

export class SubscribedItemDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer', format: 'int32' }) licenses: number;
  @ApiProperty({ enum: BillingInterval, enumName: 'BillingInterval' }) interval: BillingInterval;
}

export class TrialDto {
  @ApiProperty({ type: 'integer', format: 'int32' }) licenses: number;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class SubscriptionDto {
  @ApiProperty({ enum: ['none', 'trial', 'active', 'cancelled', 'expired'] })
  status: 'none' | 'trial' | 'active' | 'cancelled' | 'expired';

  @ApiProperty({ type: TrialDto, nullable: true })
  trial: TrialDto | null;

  @ApiProperty({ type: SubscribedItemDto, nullable: true })
  plan: SubscribedItemDto | null;

  @ApiProperty({ type: [SubscribedItemDto] })
  addons: SubscribedItemDto[];

  @ApiProperty({ type: 'integer', format: 'int32', description: 'The licence limit that applies now' })
  licenses: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  nextInvoiceAt: string | null;

  @ApiProperty({ description: 'The subscription ends at the end of the current period' })
  cancelAtPeriodEnd: boolean;
}

export class InvoiceSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Gross total in cents' }) total: number;
  @ApiProperty({ enum: ['EUR'] }) currency: 'EUR';
  @ApiProperty({ enum: ['issued'] }) status: InvoiceDto['status'];
}

export class OrderResultDto {
  @ApiProperty({ type: SubscriptionDto }) subscription: SubscriptionDto;
  @ApiProperty({ type: InvoiceSummaryDto }) invoice: InvoiceSummaryDto;
}

export class AddonResultDto {
  @ApiProperty({ type: SubscriptionDto }) subscription: SubscriptionDto;
}
