import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../audit/actor';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { NamedPageQueryDto } from '../common/pagination';
import { OrganizationId } from '../common/organization-id';
import { OrgIdParam, UuidParam } from '../common/uuid-param';
import { CreateEndpointDto, EndpointDto, EndpointPageDto, UpdateEndpointDto } from './dto/endpoint.dto';
import { EndpointsService } from './endpoints.service';

@ApiTags('licensed platform resources')
@Controller('organizations/:orgId/endpoints')
export class EndpointsController {
  constructor(private readonly endpoints: EndpointsService) {}

  @Get()
  @CheckAbility('read', 'Endpoint')
  @ApiOperation({ operationId: 'listEndpoints', summary: 'Monitored endpoints in creation order' })
  @ApiOkResponse({ type: EndpointPageDto })
  @ApiOrgProblems()
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: NamedPageQueryDto): Promise<EndpointPageDto> {
    return this.endpoints.list(orgId, query.limit, query.q, query.cursor);
  }

  @Post()
  @CheckAbility('create', 'Endpoint')
  @ApiOperation({ operationId: 'createEndpoint', summary: 'Add an http(s) endpoint to monitor' })
  @ApiCreatedResponse({ type: EndpointDto })
  @ApiOrgProblems()
  create(@OrgIdParam() orgId: OrganizationId, @Body() dto: CreateEndpointDto, @CurrentActor() actor: Actor): Promise<EndpointDto> {
    return this.endpoints.create(orgId, dto, actor);
  }

  @Get(':endpointId')
  @ApiOperation({ operationId: 'getEndpoint', summary: 'One monitored endpoint' })
  @CheckAbility('read', 'Endpoint')
  @ApiOkResponse({ type: EndpointDto })
  @ApiOrgProblems()
  get(@OrgIdParam() orgId: OrganizationId, @UuidParam('endpointId') endpointId: string): Promise<EndpointDto> {
    return this.endpoints.get(orgId, endpointId);
  }

  @Patch(':endpointId')
  @ApiOperation({ operationId: 'updateEndpoint', summary: "Change an endpoint's name, URL or interval" })
  @CheckAbility('update', 'Endpoint')
  @ApiOkResponse({ type: EndpointDto })
  @ApiOrgProblems()
  update(
    @OrgIdParam() orgId: OrganizationId,
    @UuidParam('endpointId') endpointId: string,
    @Body() dto: UpdateEndpointDto,
    @CurrentActor() actor: Actor,
  ): Promise<EndpointDto> {
    return this.endpoints.update(orgId, endpointId, dto, actor);
  }

  @Delete(':endpointId')
  @ApiOperation({ operationId: 'deleteEndpoint', summary: 'Remove an endpoint' })
  @HttpCode(204)
  @CheckAbility('delete', 'Endpoint')
  @ApiNoContentResponse()
  @ApiOrgProblems()
  remove(@OrgIdParam() orgId: OrganizationId, @UuidParam('endpointId') endpointId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.endpoints.remove(orgId, endpointId, actor);
  }
}
