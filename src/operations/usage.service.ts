import { Injectable, StreamableFile } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { csvAttachment } from '../common/csv';
import { Page, toPage } from '../common/pagination';
import { CustomerUsageDto } from './dto/usage.dto';
import { UsageRepository, UsageRow } from './usage.repository';

export const USAGE_CSV_COLUMNS = ['organizationId', 'name', 'deleted', 'daysRecorded', 'licenseDays', 'peakLicenses', 'usedLicenseDays', 'peakUsedLicenses'] as const;

/** A month's licence usage per customer, from the daily snapshots, for partners' PSA billing. */
@Injectable()
export class UsageService {
  constructor(private readonly usage: UsageRepository) {}

  async page(partnerId: OrganizationId, month: string, limit: number, cursor?: string): Promise<Page<CustomerUsageDto> & { month: string }> {
    const { start, end } = monthRange(month);
    const rows = await this.usage.month(partnerId, start, end, limit + 1, cursor);
    return { month, ...toPage(rows, limit, (row) => [row.name, row.id], toUsageDto) };
  }

  async csv(partnerId: OrganizationId, month: string): Promise<StreamableFile> {
    const { start, end } = monthRange(month);
    const rows = await this.usage.month(partnerId, start, end);
    return csvAttachment(rows.map(toUsageDto), USAGE_CSV_COLUMNS, `usage-${month}.csv`);
  }
}

/** The month's first day and the next month's, as dates. */
function monthRange(month: string): { start: string; end: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { start: `${month}-01`, end: `${next}-01` };
}

function toUsageDto(row: UsageRow): CustomerUsageDto {
  return {
    organizationId: row.id,
    name: row.name,
    deleted: row.deleted,
    daysRecorded: row.days_recorded,
    licenseDays: row.license_days,
    peakLicenses: row.peak_licenses,
    usedLicenseDays: row.used_license_days,
    peakUsedLicenses: row.peak_used_licenses,
  };
}
