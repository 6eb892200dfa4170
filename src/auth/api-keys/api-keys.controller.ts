import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiKeyErrors } from './api-keys.errors';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUserActor, UserActor } from '../../audit/actor';
import { CurrentAccess } from '../../authz/caller';
import { OrgAccess } from '../../authz/permission-table';
import { CheckAbility, PeopleOnly } from '../../authz/policy.decorators';
import { ApiOrgProblems } from '../../common/api-problems.decorator';
import { OrganizationId } from '../../common/organization-id';
import { PageQueryDto } from '../../common/pagination';
import { ApiOrgIdParam, OrgIdParam, UuidParam } from '../../common/uuid-param';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const PEOPLE_ONLY = 'Admins of the organization, logged in as themselves: an API key cannot manage API keys (403 api-key-not-allowed).';

@ApiTags('integrations')
@Controller('organizations/:orgId/api-keys')
@PeopleOnly()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @CheckAbility('manage', 'ApiKey')
  @ApiOperation({ operationId: 'listApiKeys', summary: 'API keys not revoked, oldest first, without their secrets', description: `Expired keys stay listed until revoked. ${PEOPLE_ONLY}` })
  @ApiOkResponse({ type: ApiKeyPageDto })
  @ApiOrgProblems()
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: PageQueryDto): Promise<ApiKeyPageDto> {
    return this.apiKeys.list(orgId, query.limit, query.cursor);
  }

  @Post()
  @CheckAbility('manage', 'ApiKey')
  @ApiOperation({
    operationId: 'createApiKey',
    summary: 'Create an API key; the key is in this answer only',
    description: `Expires after expiresInDays (default 90, at most 365). ${PEOPLE_ONLY}`,
  })
  @ApiOrgIdParam()
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiOrgProblems(ApiKeyErrors.scopesBeyondCreator(['billing'], ['read', 'write', 'settings']))
  create(@CurrentAccess() access: OrgAccess, @Body() dto: CreateApiKeyDto, @CurrentUserActor() actor: UserActor): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(access, dto, actor);
  }

  @Delete(':keyId')
  @HttpCode(204)
  @CheckAbility('manage', 'ApiKey')
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key', description: `Refused from the next request on, on every replica. ${PEOPLE_ONLY}` })
  @ApiNoContentResponse()
  @ApiOrgProblems()
  revoke(@OrgIdParam() orgId: OrganizationId, @UuidParam('keyId') keyId: string, @CurrentUserActor() actor: UserActor): Promise<void> {
    return this.apiKeys.revoke(orgId, keyId, actor);
  }
}
