import { DomainError } from '../common/domain-error';

/** Seconds a client should wait before trying again while PostgreSQL is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DatabaseErrors = {
  unavailable: () =>
    new DomainError('unavailable', 'database-unavailable', 'Service unavailable', 'The service cannot reach its database right now; try again shortly.', {
      retryAfter: DATABASE_RETRY_AFTER_SECONDS,
    }),
};
