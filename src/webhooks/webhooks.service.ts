import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { OrgAccess, hasCapability } from '../authz/permission-table';
import { OrganizationKind } from '../authz/roles';
import { notFound } from '../common/domain-error';
import { OrganizationId } from '../common/organization-id';
import { Page, toPage } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { createdAtIso, creationKey } from '../database/creation-order';
import { inTransaction } from '../database/transaction';
import { SecretBox } from '../mail/secret-box';
import { OutboxService } from '../outbox/outbox.service';
import { WEBHOOK_QUEUE } from '../queue/queue-names';
import { Organization } from '../tenancy/organization.entity';
import {
  CreateWebhookDto,
  CreatedWebhookDto,
  RotatedWebhookSecretDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDto,
} from './dto/webhook.dto';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { TEST_EVENT_TYPE, WebhookEventType, capabilityToHear, isBillingEvent } from '../webhook-events/webhook-event-types';
import { DELIVER_WEBHOOK_JOB, DeliverWebhookJob, dueDeliveryJobId, firstDeliveryJobId } from '../webhook-events/webhook-jobs';
import { WebhookSender } from './webhook-sender';
import { newWebhookSecret } from './webhook-signature';
import { checkTarget } from './webhook-target';
import { WebhookDeliveryRow, WebhookRepository, WebhookRow } from './webhook.repository';
import { WebhookErrors } from './webhooks.errors';

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);

/** An organization's webhooks: created and changed by its admins within what they may hear, their delivery log, retries and test events. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly em: EntityManager,
    private readonly webhooks: WebhookRepository,
    private readonly audit: AuditService,
    private readonly secretBox: SecretBox,
    private readonly outbox: OutboxService,
    private readonly sender: WebhookSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(organizationId: OrganizationId, limit: number, cursor?: string): Promise<Page<WebhookDto>> {
    return toPage(await this.webhooks.page(organizationId, limit, cursor), limit, creationKey, toWebhookDto);
  }

  async get(organizationId: OrganizationId, webhookId: string): Promise<WebhookDto> {
    const row = await this.webhooks.findOne(organizationId, webhookId);
    if (!row) throw notFound('Webhook');
    return toWebhookDto(row);
  }

  async create(access: OrgAccess, dto: CreateWebhookDto, actor: Actor): Promise<CreatedWebhookDto> {
    this.checkSubscription(access, dto.events, dto.includeCustomers ?? false);
    await this.checkUrl(dto.url);
    const secret = newWebhookSecret();
    const endpoint = await inTransaction(this.em, async (em) => {
      const created = em.create(WebhookEndpoint, {
        organization: em.getReference(Organization, access.organizationId),
        url: dto.url,
        events: dto.events,
        description: dto.description?.trim() || null,
        includeCustomers: dto.includeCustomers ?? false,
        secretCiphertext: this.secretBox.seal(secret),
        createdBy: actor.email ?? actor.name ?? actor.type,
      });
      await em.persist(created).flush();
      await this.audit.record({
        organizationId: access.organizationId,
        actor,
        action: 'webhook.create',
        target: { type: 'webhook', id: created.id },
        details: { url: created.url, events: created.events, includeCustomers: created.includeCustomers },
      });
      return created;
    });
    return { ...(await this.get(access.organizationId, endpoint.id)), secret };
  }

  async update(access: OrgAccess, webhookId: string, dto: UpdateWebhookDto, actor: Actor): Promise<WebhookDto> {
    if (dto.url !== undefined) await this.checkUrl(dto.url);
    await inTransaction(this.em, async (em) => {
      const endpoint = await this.lockEndpoint(em, access.organizationId, webhookId);
      this.checkSubscription(access, dto.events ?? endpoint.events, dto.includeCustomers ?? endpoint.includeCustomers);
      if (dto.url !== undefined) endpoint.url = dto.url;
      if (dto.events !== undefined) endpoint.events = dto.events;
      if (dto.description !== undefined) endpoint.description = dto.description?.trim() || null;
      if (dto.includeCustomers !== undefined) endpoint.includeCustomers = dto.includeCustomers;
      if (dto.enabled === false && !endpoint.disabledAt) {
        endpoint.disabledAt = new Date();
        endpoint.disabledReason = `paused by ${actor.email ?? actor.name ?? actor.type}`;
      }
      if (dto.enabled === true && endpoint.disabledAt) {
        endpoint.disabledAt = null;
        endpoint.disabledReason = null;
        endpoint.failingSince = null;
        // What waited becomes due now; the sweeper sends it (with job ids of their own).
        await em.nativeUpdate(WebhookDelivery, { endpoint: endpoint.id, status: WebhookDeliveryStatus.Pending }, { nextAttemptAt: new Date() });
      }
      await em.flush();
      await this.audit.record({
        organizationId: access.organizationId,
        actor,
        action: 'webhook.update',
        target: { type: 'webhook', id: webhookId },
        details: { ...dto },
      });
    });
    return this.get(access.organizationId, webhookId);
  }

  async remove(organizationId: OrganizationId, webhookId: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const deleted = await em.nativeDelete(WebhookEndpoint, { id: webhookId, organization: organizationId });
      if (deleted === 0) throw notFound('Webhook');
      await this.audit.record({ organizationId, actor, action: 'webhook.delete', target: { type: 'webhook', id: webhookId } });
    });
  }

  /** A new secret; deliveries carry signatures with both until WEBHOOK_SECRET_OVERLAP_HOURS have passed, so receivers can switch without losing events. */
  async rotateSecret(organizationId: OrganizationId, webhookId: string, actor: Actor): Promise<RotatedWebhookSecretDto> {
    const secret = newWebhookSecret();
    return inTransaction(this.em, async (em) => {
      const endpoint = await this.lockEndpoint(em, organizationId, webhookId);
      const previousSecretExpiresAt = new Date(Date.now() + this.config.webhooks.secretOverlapMs);
      endpoint.previousSecretCiphertext = endpoint.secretCiphertext;
      endpoint.previousSecretExpiresAt = previousSecretExpiresAt;
      endpoint.secretCiphertext = this.secretBox.seal(secret);
      await em.flush();
      await this.audit.record({
        organizationId,
        actor,
        action: 'webhook.rotate-secret',
        target: { type: 'webhook', id: webhookId },
        details: { previousSecretExpiresAt: previousSecretExpiresAt.toISOString() },
      });
      return { secret, previousSecretExpiresAt: previousSecretExpiresAt.toISOString() };
    });
  }

  async deliveries(organizationId: OrganizationId, webhookId: string, limit: number, cursor?: string): Promise<Page<WebhookDeliveryDto>> {
    if (!(await this.webhooks.findOne(organizationId, webhookId))) throw notFound('Webhook');
    return toPage(await this.webhooks.deliveries(webhookId, limit, cursor), limit, creationKey, toDeliveryDto);
  }

  /** Sends a delivery again now, also one whose retries are spent; not one the receiver accepted or one being attempted. */
  async retry(organizationId: OrganizationId, webhookId: string, deliveryId: string, actor: Actor): Promise<WebhookDeliveryDto> {
    return inTransaction(this.em, async (em) => {
      const endpoint = await this.lockEndpoint(em, organizationId, webhookId);
      if (endpoint.disabledAt) throw WebhookErrors.webhookDisabled();
      const delivery = await em.findOne(WebhookDelivery, { id: deliveryId, endpoint: webhookId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!delivery) throw notFound('Webhook delivery');
      if (delivery.status === WebhookDeliveryStatus.Succeeded) throw WebhookErrors.deliverySucceeded();
      const leaseCutoff = Date.now() - this.config.webhooks.claimLeaseMs;
      if (delivery.status === WebhookDeliveryStatus.Sending && (delivery.claimedAt?.getTime() ?? 0) >= leaseCutoff) throw WebhookErrors.deliveryBeingSent();
      const now = new Date();
      delivery.status = WebhookDeliveryStatus.Pending;
      delivery.nextAttemptAt = now;
      delivery.claimedAt = null;
      this.enqueue(dueDeliveryJobId(delivery.id, delivery.attempts, now), delivery.id);
      await em.flush();
      await this.audit.record({ organizationId, actor, action: 'webhook.retry-delivery', target: { type: 'webhook-delivery', id: delivery.id } });
      return toDeliveryDto(deliveryRowOf(delivery));
    });
  }

  /** Queues a `webhook.test` event for this endpoint alone, signed and logged like every delivery. */
  async sendTest(organizationId: OrganizationId, webhookId: string, actor: Actor): Promise<WebhookDeliveryDto> {
    return inTransaction(this.em, async (em) => {
      const endpoint = await this.lockEndpoint(em, organizationId, webhookId);
      if (endpoint.disabledAt) throw WebhookErrors.webhookDisabled();
      const now = new Date();
      const eventId = randomUUID();
      const delivery = em.create(WebhookDelivery, {
        endpoint,
        eventId,
        eventType: TEST_EVENT_TYPE,
        payload: { type: TEST_EVENT_TYPE, timestamp: now.toISOString(), data: { organizationId, webhookId } },
        createdAt: now,
      });
      em.persist(delivery);
      this.enqueue(firstDeliveryJobId(delivery.id), delivery.id);
      await em.flush();
      await this.audit.record({ organizationId, actor, action: 'webhook.test', target: { type: 'webhook', id: webhookId } });
      return toDeliveryDto(deliveryRowOf(delivery));
    });
  }

  private enqueue(jobId: string, deliveryId: string): void {
    this.outbox.enqueue({ queue: WEBHOOK_QUEUE, jobName: DELIVER_WEBHOOK_JOB, jobId, payload: { deliveryId } satisfies DeliverWebhookJob });
  }

  private async lockEndpoint(em: EntityManager, organizationId: OrganizationId, webhookId: string): Promise<WebhookEndpoint> {
    const endpoint = await em.findOne(WebhookEndpoint, { id: webhookId, organization: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!endpoint) throw notFound('Webhook');
    return endpoint;
  }

  /**
   * What an endpoint may hear is what its organization's admins may see (the permission table);
   * events about money go to the billing owner's webhooks only, so not to a linked customer's;
   * customers are a partner's to include.
   */
  private checkSubscription(access: OrgAccess, events: WebhookEventType[], includeCustomers: boolean): void {
    const ownBillingOwner = access.partnerId === null;
    const refused = events.filter((event) => !hasCapability(access, capabilityToHear(event)) || (isBillingEvent(event) && !ownBillingOwner));
    if (refused.length > 0) throw WebhookErrors.eventsNotAllowed(refused);
    if (includeCustomers && access.organizationKind !== OrganizationKind.Partner) throw WebhookErrors.customersOnlyForPartners();
  }

  /** The target as written and as resolved, then where its redirects lead. */
  private async checkUrl(url: string): Promise<void> {
    const refusal = (await checkTarget(new URL(url), this.sender.policy)) ?? (await this.sender.refusedRedirect(url));
    if (refusal) throw WebhookErrors.targetRefused(refusal);
  }
}

function toWebhookDto(row: WebhookRow): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    includeCustomers: row.include_customers,
    enabled: row.disabled_at === null,
    disabledReason: row.disabled_reason,
    failingSince: iso(row.failing_since),
    previousSecretExpiresAt: row.previous_secret_expires_at && new Date(row.previous_secret_expires_at) > new Date() ? iso(row.previous_secret_expires_at) : null,
    createdBy: row.created_by,
    createdAt: createdAtIso(row),
  };
}

function toDeliveryDto(row: WebhookDeliveryRow): WebhookDeliveryDto {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.response_status,
    durationMs: row.duration_ms,
    lastError: row.last_error,
    createdAt: createdAtIso(row),
    lastAttemptAt: iso(row.last_attempt_at),
    nextAttemptAt: iso(row.next_attempt_at),
    succeededAt: iso(row.succeeded_at),
  };
}

function deliveryRowOf(delivery: WebhookDelivery): WebhookDeliveryRow {
  return {
    id: delivery.id,
    created_at_us: `${delivery.createdAt.toISOString().slice(0, 23)}000Z`,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    response_status: delivery.responseStatus ?? null,
    duration_ms: delivery.durationMs ?? null,
    last_error: delivery.lastError ?? null,
    last_attempt_at: iso(delivery.lastAttemptAt),
    next_attempt_at: iso(delivery.nextAttemptAt),
    succeeded_at: iso(delivery.succeededAt),
  };
}
