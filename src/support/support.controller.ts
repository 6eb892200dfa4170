import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../audit/actor';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { OrganizationId } from '../common/organization-id';
import { OrgIdParam } from '../common/uuid-param';
import { SupportContactDto, SupportSettingsDto, UpdateSupportSettingsDto } from './dto/support.dto';
import { SupportService } from './support.service';

@ApiTags('support')
@Controller('organizations/:orgId')
export class SupportController {
  constructor(private readonly support: SupportService) {}

  @Get('support-settings')
  @CheckAbility('manage', 'SupportSettings')
  @ApiOperation({ operationId: 'getSupportSettings', summary: 'The partner’s support contact for its customers (partner organization admins only)', description: 'Other organizations: 403.' })
  @ApiOkResponse({ type: SupportSettingsDto })
  @ApiOrgProblems()
  settings(@OrgIdParam() orgId: OrganizationId): Promise<SupportSettingsDto> {
    return this.support.settings(orgId);
  }

  @Put('support-settings')
  @CheckAbility('manage', 'SupportSettings')
  @ApiOperation({ operationId: 'updateSupportSettings', summary: 'Save the partner’s support contact', description: 'Replaces all fields; omitted optional fields are cleared.' })
  @ApiOkResponse({ type: SupportSettingsDto })
  @ApiOrgProblems()
  update(@OrgIdParam() orgId: OrganizationId, @Body() dto: UpdateSupportSettingsDto, @CurrentActor() actor: Actor): Promise<SupportSettingsDto> {
    return this.support.update(orgId, dto, actor);
  }

  @Get('support-contact')
  @CheckAbility('read', 'SupportContact')
  @ApiOperation({
    operationId: 'getSupportContact',
    summary: 'What the headset icon shows',
    description:
      'A linked customer organization: its partner’s support settings (`source: "partner"`). Every other organization, and customers whose ' +
      'partner has not saved support settings yet: the platform vendor’s support (`source: "vendor"`).',
  })
  @ApiOkResponse({ type: SupportContactDto })
  @ApiOrgProblems()
  contact(@OrgIdParam() orgId: OrganizationId): Promise<SupportContactDto> {
    return this.support.contact(orgId);
  }
}
