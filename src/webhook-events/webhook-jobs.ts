export const DELIVER_WEBHOOK_JOB = 'deliver';

export interface DeliverWebhookJob {
  deliveryId: string;
}

/** The job id of a delivery's first attempt, queued through the outbox. */
export const firstDeliveryJobId = (deliveryId: string) => `webhook:${deliveryId}`;

/**
 * The job id of a later attempt: the same for the delayed retry job and the sweeper that stands in
 * for it, so the attempt runs once; a new one whenever the delivery becomes due anew (a manual retry,
 * an endpoint enabled again), so a finished job of the past never stands in the way.
 */
export const dueDeliveryJobId = (deliveryId: string, attemptsSoFar: number, dueAt: Date | null) =>
  `webhook:${deliveryId}:${attemptsSoFar}:${dueAt ? dueAt.getTime() : 'unscheduled'}`;
