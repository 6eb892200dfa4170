import { Controller, Get, Headers, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentAccess } from '../authz/caller';
import { OrgAccess } from '../authz/permission-table';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { ApiOrgIdParam } from '../common/uuid-param';
import { OverviewPageDto, OverviewQueryDto } from './dto/overview.dto';
import { OverviewService } from './overview.service';

const wantsCsv = (accept: string | undefined) => /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept ?? '');

@ApiTags('operations')
@Controller('organizations/:orgId/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @CheckAbility('read', 'Customer')
  @ApiOperation({
    summary: 'Every linked customer’s licences, trial, subscription, hosts and endpoints (the partner operation center)',
    description:
      'Members of the partner organization; empty for other kinds. One page per call (list conventions), or with `Accept: text/csv` ' +
      'every matching row as one CSV (same filters and order, no paging). `subscription.netPriceCents` and the CSV’s netPriceCents ' +
      'column only for partner admins.',
  })
  @ApiOrgIdParam()
  @ApiHeader({ name: 'Accept', required: false, description: '`text/csv` for all rows as CSV; JSON pages otherwise.' })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(OverviewPageDto)
  @ApiOkResponse({
    description: 'A page of customers, or all of them as CSV.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(OverviewPageDto) } },
      'text/csv': { schema: { type: 'string', example: 'id,name,licensesLimit,licensesUsed,...' } },
    },
  })
  @ApiOrgProblems()
  async list(
    @CurrentAccess() access: OrgAccess,
    @Query() query: OverviewQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OverviewPageDto | StreamableFile> {
    reply.header('Vary', 'Accept');
    if (!wantsCsv(accept)) return this.overview.page(access, query);
    const csv = await this.overview.csv(access, query);
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="customers.csv"' });
  }
}
