import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { OVERVIEW_SORTS, OverviewSort, SUBSCRIPTION_STATUS_FILTERS, SubscriptionStatusFilter } from '../overview.repository';

export class OverviewQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the customer’s name.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 0, maximum: 365, description: 'Only customers on a trial that ends within this many days.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  trialEndingWithinDays?: number;

  @ApiPropertyOptional({ type: 'number', format: 'double', minimum: 0, maximum: 1000, description: 'Only customers using at least this share of their licences (hosts ÷ limit × 100; a customer with hosts but no licences counts as over 100).' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  minLicenseUsagePercent?: number;

  @ApiPropertyOptional({ enum: SUBSCRIPTION_STATUS_FILTERS, enumName: 'OverviewSubscriptionStatus', description: 'The latest subscription’s status; `none` for customers that never had one.' })
  @IsOptional()
  @IsIn(SUBSCRIPTION_STATUS_FILTERS)
  subscriptionStatus?: SubscriptionStatusFilter;

  @ApiPropertyOptional({
    enum: OVERVIEW_SORTS,
    enumName: 'OverviewSort',
    default: 'name',
    description: '`name` A→Z, `licenseUsage` fullest first, `trialEndsAt` soonest first; ties by id.',
  })
  @IsOptional()
  @IsIn(OVERVIEW_SORTS)
  sort: OverviewSort = 'name';
}

export class OverviewLicensesDto {
  @ApiProperty({ type: 'integer', format: 'int32' })
  limit: number;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'Hosts, one licence each.' })
  used: number;

  @ApiProperty({ enum: ['subscription', 'trial', 'none'], enumName: 'LicenseSource' })
  source: 'subscription' | 'trial' | 'none';
}

export class OverviewSubscriptionDto {
  @ApiProperty({ enum: ['active', 'cancelled', 'expired'], enumName: 'SubscriptionStatus' })
  status: 'active' | 'cancelled' | 'expired';

  @ApiProperty()
  planCode: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'The next invoice: the period’s end, unless cancelled or ended.' })
  nextInvoiceAt: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    description: 'Partner admins only: the net price per period at the partner’s conditions, plan and current addons, in cents.',
  })
  netPriceCents?: number;
}

export class OverviewCustomerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: OverviewLicensesDto })
  licenses: OverviewLicensesDto;

  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'While no subscription applies (also after it ran out).' })
  trialEndsAt: string | null;

  @ApiProperty({ type: OverviewSubscriptionDto, nullable: true, description: 'The active subscription, else the latest; null when there never was one.' })
  subscription: OverviewSubscriptionDto | null;

  @ApiProperty({ type: 'integer', format: 'int32' })
  hosts: number;

  @ApiProperty({ type: 'integer', format: 'int32' })
  endpoints: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class OverviewPageDto {
  @ApiProperty({ type: [OverviewCustomerDto] })
  items: OverviewCustomerDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
