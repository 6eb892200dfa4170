import { Body, Controller, Get, Put } from '@nestjs/common';
import { managedByPartner } from '../billing.errors';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../audit/actor';
import { CheckAbility } from '../../authz/policy.decorators';
import { ApiOrgProblems, EXAMPLE_ORGANIZATION_ID } from '../../common/api-problems.decorator';
import { OrganizationId } from '../../common/organization-id';
import { OrgIdParam } from '../../common/uuid-param';
import { BillingAddressService } from './billing-address.service';
import { BillingAddressDto, UpdateBillingAddressDto } from './dto/billing-address.dto';

@ApiTags('billing')
@Controller('organizations/:orgId/billing-address')
export class BillingAddressController {
  constructor(private readonly billingAddresses: BillingAddressService) {}

  @Get()
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'getBillingAddress',
    summary: 'Whom invoices are addressed to (billing owner admins only)',
    description:
      'A linked customer organization answers with both switches on, its partner as recipient and `managedByPartner: true`. ' +
      'A partner or standalone organization answers with its saved form; before the first PUT, with both switches off and the ' +
      'organization’s own name and address at the e-mail of its earliest admin.',
  })
  @ApiOkResponse({ type: BillingAddressDto })
  @ApiOrgProblems()
  get(@OrgIdParam() orgId: OrganizationId): Promise<BillingAddressDto> {
    return this.billingAddresses.get(orgId);
  }

  @Put()
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'updateBillingAddress',
    summary: 'Save the billing address of a partner or standalone organization',
    description:
      'Invoices go to the organization’s name and address unless `differentBillingAddress` is on: then to the address in ' +
      '`recipient`, under `recipient.name` only if `useAsInvoiceRecipient` is on as well. `recipient.email` is always the ' +
      'invoice e-mail. Issued invoices keep the recipient they were issued with. A linked customer organization: 409 managed-by-partner.',
  })
  @ApiOkResponse({ type: BillingAddressDto })
  @ApiOrgProblems(managedByPartner('The billing address is the billing owner’s.', EXAMPLE_ORGANIZATION_ID))
  update(@OrgIdParam() orgId: OrganizationId, @Body() dto: UpdateBillingAddressDto, @CurrentActor() actor: Actor): Promise<BillingAddressDto> {
    return this.billingAddresses.update(orgId, dto, actor);
  }
}
