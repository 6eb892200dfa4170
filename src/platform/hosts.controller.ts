import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { LicensingErrors } from '../licensing/licensing.errors';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../audit/actor';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { NamedPageQueryDto } from '../common/pagination';
import { OrganizationId } from '../common/organization-id';
import { OrgIdParam, UuidParam } from '../common/uuid-param';
import { CreateHostDto, HostDto, HostPageDto } from './dto/host.dto';
import { HostsService } from './hosts.service';

@ApiTags('licensed platform resources')
@Controller('organizations/:orgId/hosts')
export class HostsController {
  constructor(private readonly hosts: HostsService) {}

  @Get()
  @CheckAbility('read', 'Host')
  @ApiOperation({ operationId: 'listHosts', summary: 'Hosts in creation order' })
  @ApiOkResponse({ type: HostPageDto })
  @ApiOrgProblems()
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: NamedPageQueryDto): Promise<HostPageDto> {
    return this.hosts.list(orgId, query.limit, query.q, query.cursor);
  }

  @Post()
  @CheckAbility('create', 'Host')
  @ApiOperation({
    operationId: 'createHost',
    summary: 'Add a host; it takes one licence',
    description: 'Beyond the licence limit: 409 license-limit with `limit` and `used`.',
  })
  @ApiCreatedResponse({ type: HostDto })
  @ApiOrgProblems(LicensingErrors.noLicenceLeft(2, 2))
  create(@OrgIdParam() orgId: OrganizationId, @Body() dto: CreateHostDto, @CurrentActor() actor: Actor): Promise<HostDto> {
    return this.hosts.create(orgId, dto, actor);
  }

  @Get(':hostId')
  @ApiOperation({ operationId: 'getHost', summary: 'One monitored host' })
  @CheckAbility('read', 'Host')
  @ApiOkResponse({ type: HostDto })
  @ApiOrgProblems()
  get(@OrgIdParam() orgId: OrganizationId, @UuidParam('hostId') hostId: string): Promise<HostDto> {
    return this.hosts.get(orgId, hostId);
  }

  @Delete(':hostId')
  @HttpCode(204)
  @CheckAbility('delete', 'Host')
  @ApiOperation({ operationId: 'deleteHost', summary: 'Remove a host; its licence becomes free' })
  @ApiNoContentResponse()
  @ApiOrgProblems()
  remove(@OrgIdParam() orgId: OrganizationId, @UuidParam('hostId') hostId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.hosts.remove(orgId, hostId, actor);
  }
}
