import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { TenancyErrors } from './tenancy.errors';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, CurrentUserActor, UserActor } from '../audit/actor';
import { Authenticated, CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems, ApiProblems } from '../common/api-problems.decorator';
import { OrganizationId } from '../common/organization-id';
import { ApiOrgIdParam, OrgIdParam } from '../common/uuid-param';
import { CurrentAccess } from '../authz/caller';
import { OrgAccess } from '../authz/permission-table';
import { NamedPageQueryDto } from '../common/pagination';
import {
  CreateOrganizationDto,
  CustomerOrganizationPageDto,
  OrganizationDto,
  SecurityDto,
  UpdateOrganizationDto,
  UpdateSecurityDto,
} from './dto/organization.dto';
import { TenancyService } from './tenancy.service';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly tenancy: TenancyService,
  ) {}

  @Post()
  @Authenticated()
  @ApiOperation({ operationId: 'createOrganization', summary: 'Create a standalone organization, or a customer organization linked to a partner (partnerId).' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentUserActor() actor: UserActor, @Body() dto: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.tenancy.createForUser(dto, actor);
  }

  @Get(':orgId')
  @ApiOperation({ operationId: 'getOrganization', summary: 'The organization: name, address, kind, partner link, language, VAT ID' })
  @CheckAbility('read', 'Organization')
  @ApiOkResponse({ type: OrganizationDto })
  @ApiOrgProblems()
  get(@OrgIdParam() orgId: OrganizationId): Promise<OrganizationDto> {
    return this.tenancy.get(orgId);
  }

  @Patch(':orgId')
  @ApiOperation({ operationId: 'updateOrganization', summary: 'Change name, address, language or VAT ID (null removes it)' })
  @CheckAbility('update', 'Organization')
  @ApiOkResponse({ type: OrganizationDto })
  @ApiOrgProblems()
  update(@OrgIdParam() orgId: OrganizationId, @Body() dto: UpdateOrganizationDto, @CurrentActor() actor: Actor): Promise<OrganizationDto> {
    return this.tenancy.update(orgId, dto, actor);
  }

  @Patch(':orgId/security')
  @ApiOperation({
    operationId: 'updateOrganizationSecurity',
    summary: 'Require two-factor authentication of the organization’s members',
    description: 'Admins. People only are affected: API keys are the organization’s own credentials. Turning it on needs 2FA on the caller’s own account (409 mfa-not-enabled).',
  })
  @CheckAbility('update', 'Organization')
  @ApiOrgIdParam()
  @ApiOkResponse({ type: SecurityDto })
  @ApiOrgProblems(TenancyErrors.enrolMfaFirst())
  updateSecurity(@CurrentAccess() access: OrgAccess, @Body() dto: UpdateSecurityDto, @CurrentActor() actor: Actor): Promise<SecurityDto> {
    return this.tenancy.updateSecurity(access, dto, actor);
  }

  @Delete(':orgId')
  @HttpCode(204)
  @CheckAbility('delete', 'Organization')
  @ApiOperation({
    operationId: 'deleteOrganization',
    summary: 'Soft-delete the organization',
    description:
      'Linked customer organizations: partner admins only. Memberships, hosts, endpoints, reports and logo are removed; invoices are kept. ' +
      'Its subscription ends at once: nothing is billed afterwards, and the unused part of the paid period (whole days after the day of deletion) is credited to the billing owner with a credit note (`type: credit_note`, `correctsInvoiceId`), mailed like an invoice. ' +
      'A partner organization that still has customers answers 409 has-customers.',
  })
  @ApiNoContentResponse()
  @ApiOrgProblems(TenancyErrors.hasCustomers(3))
  delete(@OrgIdParam() orgId: OrganizationId, @CurrentActor() actor: Actor): Promise<void> {
    return this.tenancy.delete(orgId, actor);
  }

  @Get(':orgId/customers')
  @CheckAbility('read', 'Customer')
  @ApiOperation({ operationId: 'listCustomers', summary: "The partner's linked customer organizations, by name (empty for other kinds)." })
  @ApiOkResponse({ type: CustomerOrganizationPageDto })
  @ApiOrgProblems()
  customers(@OrgIdParam() orgId: OrganizationId, @Query() query: NamedPageQueryDto): Promise<CustomerOrganizationPageDto> {
    return this.tenancy.listCustomers(orgId, query.limit, query.q, query.cursor);
  }
}
