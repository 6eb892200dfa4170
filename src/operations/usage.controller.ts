import { Controller, Get, Header, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { ApiPageOrCsv, acceptsCsv } from '../common/csv';
import { OrganizationId } from '../common/organization-id';
import { OrgIdParam } from '../common/uuid-param';
import { UsagePageDto, UsageQueryDto } from './dto/usage.dto';
import { USAGE_CSV_COLUMNS, UsageService } from './usage.service';

@ApiTags('operations')
@Controller('organizations/:orgId/usage')
export class UsageController {
  constructor(private readonly usage: UsageService) {}

  @Get()
  @Header('Vary', 'Accept')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'listCustomerUsage',
    summary: 'A month’s licence-days and peak licences per linked customer, for PSA billing',
    description:
      'Partner admins; empty for other kinds. Summed from daily snapshots (UTC days) the workers record every hour, keeping each ' +
      'day’s highest figures; days before snapshots began are not counted (daysRecorded). By name, list conventions, or every row ' +
      'as CSV with `Accept: text/csv`.',
  })
  @ApiPageOrCsv(UsagePageDto, USAGE_CSV_COLUMNS)
  @ApiOrgProblems()
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: UsageQueryDto, @Headers('accept') accept: string | undefined): Promise<UsagePageDto | StreamableFile> {
    return acceptsCsv(accept) ? this.usage.csv(orgId, query.month) : this.usage.page(orgId, query.month, query.limit, query.cursor);
  }
}
