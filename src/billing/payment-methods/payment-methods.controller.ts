import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { managedByPartner } from '../billing.errors';
import { ApiBody, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../audit/actor';
import { CheckAbility } from '../../authz/policy.decorators';
import { ApiOrgProblems, EXAMPLE_ORGANIZATION_ID } from '../../common/api-problems.decorator';
import { PageQueryDto } from '../../common/pagination';
import { OrganizationId } from '../../common/organization-id';
import { OrgIdParam, UuidParam } from '../../common/uuid-param';
import { PaymentMethodInputPipe } from './dto/payment-method-input.pipe';
import { NewCardPaymentMethodDto, NewPaymentMethodDto, NewSepaPaymentMethodDto, PaymentMethodDto, PaymentMethodPageDto } from './dto/payment-method.dto';
import { PaymentMethodsService } from './payment-methods.service';

const ONLY_BILLING_OWNERS =
  'Only on billing owners (partner and standalone organizations): a linked customer organization answers 409 managed-by-partner, ' +
  'because its payment is its partner’s.';

@ApiTags('billing')
@Controller('organizations/:orgId/payment-methods')
export class PaymentMethodsController {
  constructor(private readonly paymentMethods: PaymentMethodsService) {}

  @Get()
  @CheckAbility('manage', 'Billing')
  @ApiOperation({ operationId: 'listPaymentMethods', summary: 'Payment methods, oldest first, masked', description: ONLY_BILLING_OWNERS })
  @ApiOkResponse({ type: PaymentMethodPageDto })
  @ApiOrgProblems(managedByPartner('Payment methods are the billing owner’s.', EXAMPLE_ORGANIZATION_ID))
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: PageQueryDto): Promise<PaymentMethodPageDto> {
    return this.paymentMethods.list(orgId, query.limit, query.cursor);
  }

  @Post()
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'addPaymentMethod',
    summary: 'Add a SEPA direct debit mandate or a card',
    description:
      'The IBAN (ISO 13616 check digits and country length) or card number (Luhn, not expired) is checked, then dropped: ' +
      'only a masked label, the last four characters and, for cards, brand and expiry are stored. Fields of the other ' +
      `type are rejected as unknown. ${ONLY_BILLING_OWNERS}`,
  })
  @ApiExtraModels(NewSepaPaymentMethodDto, NewCardPaymentMethodDto)
  @ApiBody({
    schema: {
      oneOf: [{ $ref: getSchemaPath(NewSepaPaymentMethodDto) }, { $ref: getSchemaPath(NewCardPaymentMethodDto) }],
      discriminator: {
        propertyName: 'type',
        mapping: { sepa: getSchemaPath(NewSepaPaymentMethodDto), card: getSchemaPath(NewCardPaymentMethodDto) },
      },
    },
  })
  @ApiCreatedResponse({ type: PaymentMethodDto })
  @ApiOrgProblems(managedByPartner('Payment methods are the billing owner’s.', EXAMPLE_ORGANIZATION_ID))
  create(@OrgIdParam() orgId: OrganizationId, @Body(PaymentMethodInputPipe) input: NewPaymentMethodDto, @CurrentActor() actor: Actor): Promise<PaymentMethodDto> {
    return this.paymentMethods.add(orgId, input, actor);
  }

  @Delete(':paymentMethodId')
  @HttpCode(204)
  @CheckAbility('manage', 'Billing')
  @ApiOperation({ operationId: 'removePaymentMethod', summary: 'Remove a payment method', description: ONLY_BILLING_OWNERS })
  @ApiNoContentResponse()
  @ApiOrgProblems(managedByPartner('Payment methods are the billing owner’s.', EXAMPLE_ORGANIZATION_ID))
  remove(@OrgIdParam() orgId: OrganizationId, @UuidParam('paymentMethodId') paymentMethodId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.paymentMethods.remove(orgId, paymentMethodId, actor);
  }
}
