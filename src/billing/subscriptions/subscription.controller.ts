import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { SubscriptionErrors } from './subscriptions.errors';
import { billingAddressIncomplete } from '../billing.errors';
import { LicensingErrors } from '../../licensing/licensing.errors';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../../audit/actor';
import { CurrentAccess } from '../../authz/caller';
import { OrgAccess } from '../../authz/permission-table';
import { CheckAbility } from '../../authz/policy.decorators';
import { ApiOrgProblems, EXAMPLE_ORGANIZATION_ID } from '../../common/api-problems.decorator';
import { OrganizationId } from '../../common/organization-id';
import { OrgIdParam, UuidParam } from '../../common/uuid-param';
import { CatalogService } from '../catalog/catalog.service';
import { CatalogDto } from '../catalog/dto/catalog.dto';
import { AddAddonDto, AddonResultDto, OrderResultDto, OrderSubscriptionDto, SubscriptionDto } from './dto/subscription.dto';
import { IdempotencyErrors } from '../../idempotency/idempotency.errors';
import { ApiIdempotencyKey, IdempotencyKey, sendIdempotentResult } from '../../idempotency/idempotency-key.header';
import { SubscriptionAddonsService } from './subscription-addons.service';
import { SubscriptionService, billingOwnerOf } from './subscription.service';

/** How changes to a subscription are billed; the same sentence documents removing an addon and cancelling. */
const BILLING_RULE =
  'Billing rule: booked time is billed (a started day counts) and billed time is not refunded, so removing an addon or cancelling never refunds the current period; addon time booked during a period is billed on the next invoice, or on a closing invoice when the subscription ends with that period. ' +
  'Only deleting the organization ends billing early: what is left of the paid period is credited with a credit note, and addon time not billed yet is waived.';

@ApiTags('billing')
@Controller('organizations/:orgId')
export class SubscriptionController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly subscriptions: SubscriptionService,
    private readonly changes: SubscriptionAddonsService,
  ) {}

  @Get('billing/catalog')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({ operationId: 'getCatalog', summary: 'Plans and addons with list prices and the prices at the billing owner’s partner conditions' })
  @ApiOkResponse({ type: CatalogDto })
  @ApiOrgProblems()
  catalogFor(@UuidParam('orgId') _orgId: string, @CurrentAccess() access: OrgAccess): Promise<CatalogDto> {
    return this.catalog.catalogFor(billingOwnerOf(access));
  }

  @Get('subscription')
  @ApiOperation({ operationId: 'getSubscription', summary: 'Subscription state: trial, plan, addons, licences and next invoice date' })
  @CheckAbility('manage', 'Billing')
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiOrgProblems()
  get(@OrgIdParam() orgId: OrganizationId): Promise<SubscriptionDto> {
    return this.subscriptions.get(orgId);
  }

  @Post('subscription')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'orderSubscription',
    summary: 'Order a subscription with obligation to pay',
    description:
      'Creates the subscription, its addons and the first invoice (addressed to the billing owner, at its partner conditions) in one transaction. Unknown plan or addon codes: 400. Already subscribed: 409 already-subscribed. A billing owner whose invoice address lacks a name, street, postal code, city, country or e-mail: 409 billing-address-incomplete with `billingOwnerId` and `missingFields`; nothing is created.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: OrderResultDto })
  @ApiOrgProblems(SubscriptionErrors.alreadySubscribed(), billingAddressIncomplete(EXAMPLE_ORGANIZATION_ID, ['street', 'email']), IdempotencyErrors.keyReused())
  async order(
    @UuidParam('orgId') _orgId: string,
    @CurrentAccess() access: OrgAccess,
    @Body() dto: OrderSubscriptionDto,
    @IdempotencyKey() key: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<unknown> {
    return sendIdempotentResult(await this.subscriptions.order(access, dto, key, actor), response);
  }

  @Post('subscription/addons')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'addSubscriptionAddon',
    summary: 'Book an addon on the active subscription',
    description:
      'Its licences count at once. It is billed pro-rated on the next invoice: the days left in the current period (a started day counts) / the days of the period × the addon price at the billing owner’s conditions, rounded half up to the cent; from then on with every period. ' +
      'Already booked: 409 addon-already-active. No active subscription: 409 no-subscription. Unknown addon, or one billed per another interval than the plan: 400.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: AddonResultDto })
  @ApiOrgProblems(SubscriptionErrors.addonAlreadyActive('hosts-10'), SubscriptionErrors.noSubscription())
  async addAddon(
    @UuidParam('orgId') _orgId: string,
    @CurrentAccess() access: OrgAccess,
    @Body() dto: AddAddonDto,
    @IdempotencyKey() key: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<unknown> {
    return sendIdempotentResult(await this.changes.add(access, dto, key, actor), response);
  }

  @Delete('subscription/addons/:addonCode')
  @HttpCode(204)
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'removeSubscriptionAddon',
    summary: 'Remove a booked addon',
    description:
      'Takes effect at once: its licences no longer count, and it is not billed on later invoices. ' +
      BILLING_RULE +
      ' Not booked: 404. If the hosts in use would exceed the licences left without it: 409 license-limit with `limit` and `used`; delete hosts first.',
  })
  @ApiNoContentResponse()
  @ApiOrgProblems(LicensingErrors.wouldNotFitWithout('the addon hosts-10', 50, 55))
  async removeAddon(@OrgIdParam() orgId: OrganizationId, @Param('addonCode') addonCode: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.changes.remove(orgId, addonCode, actor);
  }

  @Post('subscription/cancel')
  @HttpCode(200)
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'cancelSubscription',
    summary: 'Cancel the subscription at the end of the current period',
    description:
      'Licences stay until the period ends; then the subscription is cancelled: no further period is billed, only a closing invoice for addon time booked during the last period. ' +
      BILLING_RULE +
      ' Cancelling again answers the same. No active subscription: 409 no-subscription.',
  })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiOrgProblems(SubscriptionErrors.noSubscription())
  cancel(@OrgIdParam() orgId: OrganizationId, @CurrentActor() actor: Actor): Promise<SubscriptionDto> {
    return this.changes.cancel(orgId, actor);
  }
}
