import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { decodeCursor } from '../common/pagination';
import { CreationOrderedRow } from '../database/creation-order';
import { pageInCreationOrder } from '../database/creation-order-page';
import { ISO_MICROSECONDS } from '../database/sql-timestamps';
import { preparedQuery, rawQuery } from '../database/raw-query';
import type { WebhookEventType } from '../webhook-events/webhook-event-types';
import type { WebhookDeliveryStatus } from './webhook-delivery.entity';

export interface WebhookRow extends CreationOrderedRow {
  url: string;
  events: WebhookEventType[];
  description: string | null;
  include_customers: boolean;
  disabled_at: string | null;
  disabled_reason: string | null;
  failing_since: string | null;
  previous_secret_expires_at: string | null;
  created_by: string;
}

export interface WebhookDeliveryRow extends CreationOrderedRow {
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  response_status: number | null;
  duration_ms: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  succeeded_at: string | null;
}

const WEBHOOK_COLUMNS = [
  'id',
  'url',
  'events',
  'description',
  'include_customers',
  'disabled_at',
  'disabled_reason',
  'failing_since',
  'previous_secret_expires_at',
  'created_by',
] as const;

/** The webhook routes' reads: an organization's webhooks in creation order, an endpoint's deliveries newest first. */
@Injectable()
export class WebhookRepository {
  constructor(private readonly em: EntityManager) {}

  page(organizationId: OrganizationId, limit: number, cursor?: string): Promise<WebhookRow[]> {
    return pageInCreationOrder<WebhookRow>(this.em, { table: 'webhook_endpoint', columns: WEBHOOK_COLUMNS, organizationId, limit, cursor });
  }

  async findOne(organizationId: OrganizationId, webhookId: string): Promise<WebhookRow | null> {
    const [row] = await preparedQuery<WebhookRow>(
      this.em,
      `select ${WEBHOOK_COLUMNS.join(', ')}, to_char(created_at at time zone 'UTC', :microsecondsFormat) as created_at_us
         from webhook_endpoint where id = :id and organization_id = :organizationId`,
      { id: webhookId, organizationId, microsecondsFormat: ISO_MICROSECONDS },
    );
    return row ?? null;
  }

  /** Returns up to limit+1 rows (for `toPage`), newest first. */
  deliveries(webhookId: string, limit: number, cursor?: string): Promise<WebhookDeliveryRow[]> {
    const before = decodeCursor<[string, string]>(cursor, ['timestamp', 'uuid']);
    return preparedQuery<WebhookDeliveryRow>(
      this.em,
      `select id, event_id, event_type, status, attempts, response_status, duration_ms, last_error,
              last_attempt_at, next_attempt_at, succeeded_at,
              to_char(created_at at time zone 'UTC', :microsecondsFormat) as created_at_us
         from webhook_delivery
        where endpoint_id = :webhookId
          and (cast(:beforeAt as timestamptz) is null or (created_at, id) < (cast(:beforeAt as timestamptz), cast(:beforeId as uuid)))
        order by created_at desc, id desc
        limit :limit`,
      { webhookId, beforeAt: before?.[0] ?? null, beforeId: before?.[1] ?? null, microsecondsFormat: ISO_MICROSECONDS, limit: limit + 1 },
    );
  }

  /** Disables the endpoint unless it is disabled already; its organization and URL when this call disabled it. */
  async disable(endpointId: string, reason: string): Promise<{ organization_id: string; url: string } | null> {
    const [row] = await rawQuery<{ organization_id: string; url: string }>(
      this.em.getContext(),
      `update webhook_endpoint set disabled_at = now(), disabled_reason = :reason
        where id = :id and disabled_at is null
        returning organization_id, url`,
      { id: endpointId, reason },
    );
    return row ?? null;
  }

  /** Who is told about the organization's webhooks: its admins. */
  adminRecipients(organizationId: OrganizationId): Promise<{ id: string; email: string }[]> {
    return rawQuery(
      this.em.getContext(),
      `select u.id, u.email from membership m join app_user u on u.id = m.user_id
        where m.organization_id = :organizationId and m.role = 'admin'`,
      { organizationId },
    );
  }

  /** Organizations with trial licences whose trial ends between the two times, and that a webhook listens to trial events for. */
  trialsEndingBetween(after: Date, until: Date): Promise<{ id: string; trial_ends_at: string }[]> {
    return rawQuery(
      this.em.fork(),
      `select o.id, o.trial_ends_at
         from organization o
        where o.deleted_at is null and o.trial_licenses > 0
          and o.trial_ends_at > :after and o.trial_ends_at <= :until
          and exists (
            select 1 from webhook_endpoint e
             where e.events && array['trial.ending', 'trial.ended']
               and (e.organization_id = o.id or (e.organization_id = o.partner_id and o.kind = 'customer' and e.include_customers)))`,
      { after, until },
    );
  }
}
