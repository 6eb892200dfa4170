import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AppRequest } from './caller';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { UuidParam } from '../common/uuid-param';
import { Capabilities, CAPABILITIES, capabilitiesOf } from './permission-table';
import { CheckAbility } from './policy.decorators';

class CaslRuleDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], example: 'read' })
  action: string | string[];

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], example: 'Host' })
  subject: string | string[];
}

class PermissionsDto {
  @ApiProperty({ type: [CaslRuleDto], description: 'CASL rules (usable with createMongoAbility on the client).' })
  rules: CaslRuleDto[];

  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(CAPABILITIES.map((capability) => [capability, { type: 'boolean' }])),
    required: [...CAPABILITIES],
  })
  capabilities: Capabilities;

  @ApiProperty({ enum: ['admin', 'guest'] })
  role: string;

  @ApiProperty()
  viaPartner: boolean;
}

@ApiTags('organizations')
@Controller('organizations/:orgId/permissions')
export class PermissionsController {
  @Get()
  @CheckAbility('read', 'Organization')
  @ApiOperation({ operationId: 'getPermissions', summary: "The caller's CASL rules and capabilities in this organization" })
  @ApiOkResponse({ type: PermissionsDto })
  @ApiOrgProblems()
  get(@UuidParam('orgId') _orgId: string, @Req() request: AppRequest): PermissionsDto {
    const access = request.orgAccess!;
    return {
      rules: request.ability!.rules.map(({ action, subject }) => ({ action, subject: subject as string | string[] })),
      capabilities: capabilitiesOf(access),
      role: access.role,
      viaPartner: access.viaPartner,
    };
  }
}
