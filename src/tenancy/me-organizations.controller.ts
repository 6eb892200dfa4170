import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../authz/caller';
import { Authenticated } from '../authz/policy.decorators';
import { ApiProblems } from '../common/api-problems.decorator';
import { NamedPageQueryDto } from '../common/pagination';
import { AccessibleOrganizationPageDto } from './dto/organization.dto';
import { TenancyService } from './tenancy.service';

@ApiTags('auth and me')
@Controller('me/organizations')
export class MeOrganizationsController {
  constructor(private readonly tenancy: TenancyService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listMyOrganizations',
    summary: 'Every organization the caller can switch to',
    description: 'Partner and standalone organizations first, then customer organizations, each ordered by name.',
  })
  @ApiOkResponse({ type: AccessibleOrganizationPageDto })
  @ApiProblems(400, 401, 403)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NamedPageQueryDto): Promise<AccessibleOrganizationPageDto> {
    return this.tenancy.listAccessible(user.id, query.limit, query.q, query.cursor);
  }
}
