import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { WebhookErrors } from './webhooks.errors';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../audit/actor';
import { CurrentAccess } from '../authz/caller';
import { OrgAccess } from '../authz/permission-table';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { OrganizationId } from '../common/organization-id';
import { PageQueryDto } from '../common/pagination';
import { ApiOrgIdParam, OrgIdParam, UuidParam } from '../common/uuid-param';
import {
  CreateWebhookDto,
  CreatedWebhookDto,
  RotatedWebhookSecretDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookPageDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

const ADMINS = 'Admins of the organization (and API keys with the settings scope).';

@ApiTags('integrations')
@Controller('organizations/:orgId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @CheckAbility('manage', 'Webhook')
  @ApiOperation({ operationId: 'listWebhooks', summary: 'Webhooks, oldest first, without their secrets', description: ADMINS })
  @ApiOkResponse({ type: WebhookPageDto })
  @ApiOrgProblems()
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: PageQueryDto): Promise<WebhookPageDto> {
    return this.webhooks.list(orgId, query.limit, query.cursor);
  }

  @Post()
  @CheckAbility('manage', 'Webhook')
  @ApiOperation({
    operationId: 'createWebhook',
    summary: 'Create a webhook; its signing secret is in this answer only',
    description:
      'Events are POSTed as `{type, timestamp, data: {organizationId, …ids}}`, signed per Standard Webhooks (`webhook-id`, ' +
      '`webhook-timestamp`, `webhook-signature`), retried with backoff for about 27 hours. A webhook accepting nothing for ' +
      `5 days is disabled and the organization's admins are mailed. ${ADMINS}`,
  })
  @ApiOrgIdParam()
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiOrgProblems(WebhookErrors.targetRefused('10.0.0.8 is a private address'), WebhookErrors.eventsNotAllowed(['invoice.issued']))
  create(@CurrentAccess() access: OrgAccess, @Body() dto: CreateWebhookDto, @CurrentActor() actor: Actor): Promise<CreatedWebhookDto> {
    return this.webhooks.create(access, dto, actor);
  }

  @Get(':webhookId')
  @CheckAbility('manage', 'Webhook')
  @ApiOperation({ operationId: 'getWebhook', summary: 'One webhook, without its secret', description: ADMINS })
  @ApiOkResponse({ type: WebhookDto })
  @ApiOrgProblems()
  get(@OrgIdParam() orgId: OrganizationId, @UuidParam('webhookId') webhookId: string): Promise<WebhookDto> {
    return this.webhooks.get(orgId, webhookId);
  }

  @Patch(':webhookId')
  @CheckAbility('manage', 'Webhook')
  @ApiOperation({ operationId: 'updateWebhook', summary: 'Change, pause or enable a webhook', description: ADMINS })
  @ApiOrgIdParam()
  @ApiOkResponse({ type: WebhookDto })
  @ApiOrgProblems()
  update(
    @CurrentAccess() access: OrgAccess,
    @UuidParam('webhookId') webhookId: string,
    @Body() dto: UpdateWebhookDto,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDto> {
    return this.webhooks.update(access, webhookId, dto, actor);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @CheckAbility('manage', 'Webhook')
  @ApiOperation({ operationId: 'deleteWebhook', summary: 'Delete a webhook and its delivery log', description: ADMINS })
  @ApiNoContentResponse()
  @ApiOrgProblems()
  remove(@OrgIdParam() orgId: OrganizationId, @UuidParam('webhookId') webhookId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.webhooks.remove(orgId, webhookId, actor);
  }

  @Post(':webhookId/rotate-secret')
  @HttpCode(200)
  @CheckAbility('manage', 'Webhook')
  @ApiOperation({
    operationId: 'rotateWebhookSecret',
    summary: 'Replace the signing secret',
    description: `Deliveries carry a signature with the old secret too until previousSecretExpiresAt (24 hours), so the receiver can switch without losing events. ${ADMINS}`,
  })
  @ApiOkResponse({ type: RotatedWebhookSecretDto })
  @ApiOrgProblems()
  rotateSecret(@OrgIdParam() orgId: OrganizationId, @UuidParam('webhookId') webhookId: string, @CurrentActor() actor: Actor): Promise<RotatedWebhookSecretDto> {
    return this.webhooks.rotateSecret(orgId, webhookId, actor);
  }

  @Post(':webhookId/test')
  @HttpCode(202)
  @CheckAbility('manage', 'Webhook')
  @ApiOperation({ operationId: 'sendWebhookTest', summary: 'Queue a webhook.test event to this webhook', description: `Follow it in the delivery log. ${ADMINS}` })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiOrgProblems(WebhookErrors.webhookDisabled())
  sendTest(@OrgIdParam() orgId: OrganizationId, @UuidParam('webhookId') webhookId: string, @CurrentActor() actor: Actor): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTest(orgId, webhookId, actor);
  }

  @Get(':webhookId/deliveries')
  @CheckAbility('manage', 'Webhook')
  @ApiOperation({ operationId: 'listWebhookDeliveries', summary: 'The delivery log, newest first', description: ADMINS })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiOrgProblems()
  deliveries(@OrgIdParam() orgId: OrganizationId, @UuidParam('webhookId') webhookId: string, @Query() query: PageQueryDto): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveries(orgId, webhookId, query.limit, query.cursor);
  }

  @Post(':webhookId/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @CheckAbility('manage', 'Webhook')
  @ApiOperation({
    operationId: 'retryWebhookDelivery',
    summary: 'Send a delivery again now',
    description: `Also one whose retries are spent; not one the receiver accepted (409). ${ADMINS}`,
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiOrgProblems(WebhookErrors.deliverySucceeded(), WebhookErrors.deliveryBeingSent(), WebhookErrors.webhookDisabled())
  retry(
    @OrgIdParam() orgId: OrganizationId,
    @UuidParam('webhookId') webhookId: string,
    @UuidParam('deliveryId') deliveryId: string,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.retry(orgId, webhookId, deliveryId, actor);
  }
}
