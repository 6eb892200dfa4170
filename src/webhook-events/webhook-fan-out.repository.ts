import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { rawQuery } from '../database/raw-query';
import { WEBHOOK_QUEUE } from '../queue/queue-names';
import { DELIVER_WEBHOOK_JOB } from './webhook-jobs';

export interface FanOut {
  organizationId: OrganizationId;
  type: string;
  /** An event about money: only the billing owner's endpoints hear it. */
  billing: boolean;
  at: Date;
  eventId: string;
  /** The JSON body every endpoint gets. */
  body: string;
  dedupeKey: string | null;
}

/** The one statement that fans an event out to the endpoints that hear it (see WebhookEvents). */
@Injectable()
export class WebhookFanOutRepository {
  constructor(private readonly em: EntityManager) {}

  /** In the caller's transaction; returns how many deliveries it wrote (with their outbox jobs). */
  async insertDeliveries(fanOut: FanOut): Promise<number> {
    const rows = await rawQuery<{ id: string }>(
      this.em.getContext(),
      `with subject as (
         select id, case when kind = 'customer' then partner_id end as linked_partner_id from organization where id = :organizationId
       ), targets as (
         select e.id
           from webhook_endpoint e
           join subject s on true
           join organization owner on owner.id = e.organization_id and owner.deleted_at is null
          where e.organization_id in (s.id, s.linked_partner_id)
            and :type = any(e.events)
            and case when :billing
                  then e.organization_id = coalesce(s.linked_partner_id, s.id)
                  else e.organization_id = s.id or (e.organization_id = s.linked_partner_id and e.include_customers)
                end
       ), delivered as (
         insert into webhook_delivery (id, created_at, endpoint_id, event_id, event_type, payload, dedupe_key, status, attempts)
         select gen_random_uuid(), :at, t.id, :eventId, :type, cast(:body as jsonb),
                case when cast(:dedupeKey as text) is null then null else :dedupeKey || ':' || t.id end, 'pending', 0
           from targets t
         on conflict (dedupe_key) do nothing
         returning id
       )
       insert into outbox_message (id, created_at, queue, job_name, job_id, payload, attempts)
       select gen_random_uuid(), :at, :queue, :jobName, 'webhook:' || d.id, jsonb_build_object('deliveryId', d.id), 0
         from delivered d
       returning id`,
      { ...fanOut, queue: WEBHOOK_QUEUE, jobName: DELIVER_WEBHOOK_JOB },
    );
    return rows.length;
  }
}
