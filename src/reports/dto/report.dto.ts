import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ReportStatus, ReportType } from '../report.entity';

export class OrderReportDto {
  @ApiProperty({ enum: ReportType, description: '`inventory`: the effective logo, licence usage and every host and endpoint of the organization.' })
  @IsIn(Object.values(ReportType))
  type: ReportType;
}

export class ReportOrderedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: [ReportStatus.Queued] })
  status: ReportStatus.Queued;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ReportType })
  type: ReportType;

  @ApiProperty({
    enum: ReportStatus,
    description:
      '`queued` (also between retries) → `rendering` (a worker is on it) → `done`; `failed` once the retries are spent, with `failureReason`.',
  })
  status: ReportStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'When it became done or failed.' })
  completedAt: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why it failed (status `failed`), or why the last attempt failed while it is retried.' })
  failureReason: string | null;
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportDto] })
  items: ReportDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class ReportPdfPendingDto {
  @ApiProperty({ enum: [ReportStatus.Queued, ReportStatus.Rendering] })
  status: ReportStatus.Queued | ReportStatus.Rendering;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'Seconds to wait before asking again (also in the Retry-After header)', example: 2 })
  retryAfter: number;
}
