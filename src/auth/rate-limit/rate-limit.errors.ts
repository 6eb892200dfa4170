import { DomainError } from '../../common/domain-error';

export const RateLimitErrors = {
  exceeded: (retryAfter: number, limit: number, windowSeconds: number) =>
    new DomainError(
      'rate-limited',
      'rate-limit-exceeded',
      'Rate limit exceeded',
      `This API key or user may make ${limit} requests per ${windowSeconds} seconds; try again in ${retryAfter} seconds.`,
      { retryAfter },
    ),
};
