import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator';
import { AppRequest, CurrentAccess } from '../auth/authenticated-user';
import { OrgAccess } from '../authz/permission-table';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { UuidParam } from '../common/uuid-param';
import { CatalogService } from './catalog.service';
import { CatalogDto } from './dto/catalog.dto';
import { OrderResultDto, OrderSubscriptionDto, SubscriptionDto } from './dto/subscription.dto';
import { ApiIdempotencyKey, IdempotencyKey } from './idempotency-key.header';
import { SubscriptionService, billingOwnerOf } from './subscription.service';

@ApiTags('billing')
@Controller('organizations/:orgId')
export class SubscriptionController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly subscriptions: SubscriptionService,
  ) {}

  @Get('billing/catalog')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({ summary: 'Plans and addons with list prices and the prices at the billing owner’s partner conditions' })
  @ApiOkResponse({ type: CatalogDto })
  @ApiOrgProblems()
  catalogFor(@UuidParam('orgId') _orgId: string, @CurrentAccess() access: OrgAccess): Promise<CatalogDto> {
    return this.catalog.catalogFor(billingOwnerOf(access));
  }

  @Get('subscription')
  @CheckAbility('manage', 'Billing')
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiOrgProblems()
  get(@UuidParam('orgId') orgId: string): Promise<SubscriptionDto> {
    return this.subscriptions.get(orgId);
  }

  @Post('subscription')
  @CheckAbility('manage', 'Billing')
  @Audited('subscription.order', 'subscription', { targetResultPath: 'subscription.id' })
  @ApiOperation({
    summary: 'Order a subscription with obligation to pay',
    description:
      'Creates the subscription, its addons and the first invoice (addressed to the billing owner, at its partner conditions) in one transaction. Unknown plan or addon codes: 400. Already subscribed: 409 already-subscribed.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: OrderResultDto })
  @ApiOrgProblems(409)
  async order(
    @UuidParam('orgId') _orgId: string,
    @CurrentAccess() access: OrgAccess,
    @Body() dto: OrderSubscriptionDto,
    @IdempotencyKey() key: string,
    @Req() request: AppRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.subscriptions.order(access, dto, key);
    request.auditSkipped = result.replayed;
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    response.status(result.status);
    return result.body;
  }
}
