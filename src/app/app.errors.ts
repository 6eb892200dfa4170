import { DomainError } from '../common/domain-error';

export const AppErrors = {
  shuttingDown: () =>
    new DomainError('unavailable', 'shutting-down', 'Service unavailable', 'This server is shutting down; send the request again (another replica takes it).', {
      retryAfter: 1,
    }),
};
