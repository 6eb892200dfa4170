import { conflict } from '../../common/domain-error';

/** What ordering and changing subscriptions refuses, each with its problem type. */
export const SubscriptionErrors = {
  alreadySubscribed: () => conflict('already-subscribed', 'This organization already has an active subscription; change its addons instead.'),
  addonAlreadyActive: (code: string) => conflict('addon-already-active', `The addon ${code} is already booked on this subscription; remove it first or book another.`),
  noSubscription: () => conflict('no-subscription', 'This organization has no active subscription; order one first.'),
};
