import { DomainError, badRequest, conflict } from '../common/domain-error';
import type { WebhookEventType } from '../webhook-events/webhook-event-types';

export const WebhookErrors = {
  targetRefused: (reason: string) =>
    badRequest('webhook-target-refused', `This URL cannot receive webhooks: ${reason}. Webhooks go to public https receivers.`, [{ field: 'url', message: reason }]),
  eventsNotAllowed: (refused: WebhookEventType[]) =>
    new DomainError(
      'forbidden',
      'webhook-event-not-allowed',
      'Webhook event not allowed',
      `This organization's webhooks cannot receive ${refused.join(', ')}: events about subscriptions and invoices go to the billing owner only, and need the billing capability here.`,
      { refusedEvents: refused },
    ),
  customersOnlyForPartners: () =>
    badRequest('webhook-customers-not-available', 'includeCustomers is for partner organizations: only they have linked customer organizations.', [
      { field: 'includeCustomers', message: 'only partner organizations have customer organizations' },
    ]),
  deliveryBeingSent: () => conflict('webhook-delivery-being-sent', 'This delivery is being attempted right now; look again in a moment.'),
  deliverySucceeded: () => conflict('webhook-delivery-succeeded', 'This delivery was accepted by the receiver; it is not sent again. Send a test event instead.'),
  webhookDisabled: () => conflict('webhook-disabled', 'This webhook is disabled; enable it (PATCH {"enabled": true}) to deliver.'),
};
