import { Controller, Get, Header, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess } from '../authz/caller';
import { OrgAccess } from '../authz/permission-table';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { ApiPageOrCsv, acceptsCsv } from '../common/csv';
import { ApiOrgIdParam } from '../common/uuid-param';
import { OverviewPageDto, OverviewQueryDto } from './dto/overview.dto';
import { OVERVIEW_CSV_COLUMNS, OverviewService } from './overview.service';

@ApiTags('operations')
@Controller('organizations/:orgId/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @Header('Vary', 'Accept')
  @CheckAbility('read', 'Customer')
  @ApiOperation({
    operationId: 'listCustomerOverview',
    summary: 'Every linked customer’s licences, trial, subscription, hosts and endpoints (the partner operation center)',
    description:
      'Members of the partner organization; empty for other kinds. One page per call (list conventions), or with `Accept: text/csv` ' +
      'every matching row as one CSV (same filters and order, no paging). `subscription.netPriceCents` and the CSV’s netPriceCents ' +
      'column only for partner admins.',
  })
  @ApiOrgIdParam()
  @ApiPageOrCsv(OverviewPageDto, OVERVIEW_CSV_COLUMNS)
  @ApiOrgProblems()
  async list(
    @CurrentAccess() access: OrgAccess,
    @Query() query: OverviewQueryDto,
    @Headers('accept') accept: string | undefined,
  ): Promise<OverviewPageDto | StreamableFile> {
    return acceptsCsv(accept) ? this.overview.csv(access, query) : this.overview.page(access, query);
  }
}
