import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { WebhookFanOutRepository } from './webhook-fan-out.repository';
import { WebhookEventBody, WebhookEventType, isBillingEvent } from './webhook-event-types';

export interface WebhookEvent {
  type: WebhookEventType;
  /** The organization the event is about. */
  organizationId: OrganizationId;
  /** Further ids (and counts) receivers look up; never names, prices or other content. */
  data?: Record<string, string | number | null>;
  /** Set for an event that a job may find twice (a trial ending): each endpoint hears it once. */
  dedupeKey?: string;
}

/**
 * Fires events, in the caller's transaction: one statement finds the subscribed endpoints, writes a
 * delivery for each and its outbox job, so an event is sent exactly when its change commits and a
 * slow or failing receiver never holds up the change. A paused or disabled endpoint's deliveries
 * wait until it is enabled again. Who hears an event of organization O:
 * O's own endpoints; for O a linked customer, its partner's endpoints that include customers; and
 * events about money only O's billing owner (a customer's partner, never the customer).
 */
@Injectable()
export class WebhookEvents {
  constructor(private readonly fanOut: WebhookFanOutRepository) {}

  async publish(event: WebhookEvent, at = new Date()): Promise<number> {
    const body: WebhookEventBody = { type: event.type, timestamp: at.toISOString(), data: { organizationId: event.organizationId, ...event.data } };
    return this.fanOut.insertDeliveries({
      organizationId: event.organizationId,
      type: event.type,
      billing: isBillingEvent(event.type),
      at,
      eventId: randomUUID(),
      body: JSON.stringify(body),
      dedupeKey: event.dedupeKey ?? null,
    });
  }
}
