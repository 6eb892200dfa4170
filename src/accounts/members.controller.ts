import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { AccountsErrors } from './accounts.errors';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../audit/actor';
import { CurrentAccess } from '../authz/caller';
import { OrgAccess } from '../authz/permission-table';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { OrganizationId } from '../common/organization-id';
import { ApiOrgIdParam, OrgIdParam, UuidParam } from '../common/uuid-param';
import { NamedPageQueryDto } from '../common/pagination';
import { AccountsService } from './accounts.service';
import { AddMemberDto, AddedMemberDto, ChangeRoleDto, MemberDto, MemberPageDto } from './dto/member.dto';


@ApiTags('team members')
@Controller('organizations/:orgId/members')
export class MembersController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @CheckAbility('read', 'Member')
  @ApiOperation({ operationId: 'listMembers', summary: 'Members of the organization (partner members reaching it via the partner are not listed)' })
  @ApiOkResponse({ type: MemberPageDto })
  @ApiOrgProblems()
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: NamedPageQueryDto): Promise<MemberPageDto> {
    return this.accounts.listMembers(orgId, query.limit, query.q, query.cursor);
  }

  // These routes take the organization from the authorized access (CurrentAccess), not from a parameter decorator: declared here.
  @Post()
  @ApiOrgIdParam()
  @CheckAbility('create', 'Member')
  @ApiOperation({ operationId: 'addMember', summary: 'Add a member by e-mail; new users get an invitation mail with a temporary password' })
  @ApiCreatedResponse({ type: AddedMemberDto })
  @ApiOrgProblems(AccountsErrors.alreadyMember('anna@example.com'))
  add(@CurrentAccess() access: OrgAccess, @Body() dto: AddMemberDto, @CurrentActor() actor: Actor): Promise<AddedMemberDto> {
    return this.accounts.addMember(access, dto, actor);
  }

  @Patch(':userId')
  @ApiOperation({ operationId: 'changeMemberRole', summary: "Change a member's role (guest or admin)" })
  @ApiOrgIdParam()
  @CheckAbility('update', 'Member')
  @ApiOkResponse({ type: MemberDto })
  @ApiOrgProblems(AccountsErrors.lastAdmin())
  changeRole(
    @CurrentAccess() access: OrgAccess,
    @UuidParam('userId') userId: string,
    @Body() dto: ChangeRoleDto,
    @CurrentActor() actor: Actor,
  ): Promise<MemberDto> {
    return this.accounts.changeRole(access, userId, dto.role, actor);
  }

  @Delete(':userId')
  @ApiOperation({ operationId: 'removeMember', summary: 'Remove a member from the organization' })
  @ApiOrgIdParam()
  @HttpCode(204)
  @CheckAbility('delete', 'Member')
  @ApiNoContentResponse()
  @ApiOrgProblems(AccountsErrors.lastAdmin())
  remove(@CurrentAccess() access: OrgAccess, @UuidParam('userId') userId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.accounts.removeMember(access, userId, actor);
  }
}
