import type { Capability } from '../authz/permission-table';

/** API.md v1.1 "Integrations: webhooks": the events an endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'organization.created',
  'organization.deleted',
  'member.added',
  'member.removed',
  'subscription.ordered',
  'subscription.cancelled',
  'invoice.issued',
  'invoice.credited',
  'report.completed',
  'license.limit_reached',
  'trial.ending',
  'trial.ended',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by `POST …/webhooks/:webhookId/test` only; no endpoint subscribes to it. */
export const TEST_EVENT_TYPE = 'webhook.test';

/**
 * Events about money: only the organization's billing owner hears them (a customer organization's
 * partner, never the customer), as only its admins see subscriptions and invoices.
 */
const BILLING_EVENTS: ReadonlySet<WebhookEventType> = new Set(['subscription.ordered', 'subscription.cancelled', 'invoice.issued', 'invoice.credited']);

export function isBillingEvent(type: WebhookEventType): boolean {
  return BILLING_EVENTS.has(type);
}

/** The capability a subscriber needs in the organization an event is about (the permission table decides who has it). */
export function capabilityToHear(type: WebhookEventType): Capability {
  return isBillingEvent(type) ? 'billing' : 'read';
}

/** What a receiver gets: `data.organizationId` is the organization the event is about, the other fields are ids. */
export interface WebhookEventBody {
  type: WebhookEventType | typeof TEST_EVENT_TYPE;
  timestamp: string;
  data: { organizationId: string } & Record<string, string | number | null>;
}
