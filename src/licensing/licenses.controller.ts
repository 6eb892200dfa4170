import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { OrganizationId } from '../common/organization-id';
import { OrgIdParam } from '../common/uuid-param';
import { LicensesDto } from './dto/license.dto';
import { LicenseService } from './license.service';

@ApiTags('licensed platform resources')
@Controller('organizations/:orgId/licenses')
export class LicensesController {
  constructor(private readonly licenses: LicenseService) {}

  @Get()
  @CheckAbility('read', 'License')
  @ApiOperation({ operationId: 'getLicenses', summary: 'The licence limit, where it comes from, and how many licences the hosts use' })
  @ApiOkResponse({ type: LicensesDto })
  @ApiOrgProblems()
  async get(@OrgIdParam() orgId: OrganizationId): Promise<LicensesDto> {
    const usage = await this.licenses.usage(orgId);
    return { limit: usage.limit, used: usage.used, source: usage.source, trialEndsAt: usage.trialEndsAt?.toISOString() ?? null };
  }
}
