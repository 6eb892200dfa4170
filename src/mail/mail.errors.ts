import { DomainError, notFound } from '../common/domain-error';

export const MailErrors = {
  deliveryNotFound: () => notFound('Mail delivery'),
  alreadySent: () => new DomainError('conflict', 'mail-already-sent', 'Mail already sent', 'This mail has been sent; there is nothing to retry.'),
  beingSent: () => new DomainError('conflict', 'mail-being-sent', 'Mail being sent', 'A worker is sending this mail right now; wait for the outcome.'),
};
