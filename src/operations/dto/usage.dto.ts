import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

export class UsageQueryDto extends PageQueryDto {
  @ApiProperty({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', example: '2026-11', description: 'The calendar month (UTC days).' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}

export class CustomerUsageDto {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'Deleted since; it counts for the days it existed.' })
  deleted: boolean;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'Days of the month with a snapshot.' })
  daysRecorded: number;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'The licence limit summed over the days: licence-days.' })
  licenseDays: number;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'The highest licence limit of a day.' })
  peakLicenses: number;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'Licences in use (hosts) summed over the days.' })
  usedLicenseDays: number;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'The most licences in use on a day.' })
  peakUsedLicenses: number;
}

export class UsagePageDto {
  @ApiProperty({ example: '2026-11' })
  month: string;

  @ApiProperty({ type: [CustomerUsageDto] })
  items: CustomerUsageDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
