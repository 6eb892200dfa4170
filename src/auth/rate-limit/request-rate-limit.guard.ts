import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import { AppRequest } from '../../authz/caller';
import { DomainError } from '../../common/domain-error';
import { RateLimitErrors } from './rate-limit.errors';

/**
 * Every authenticated request counts against its caller, an API key or a user, whichever route it
 * calls (@nestjs/throttler, counters in Redis shared by all replicas). Answers carry
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds); beyond the limit a 429
 * problem with `Retry-After`. Runs after authentication, so anonymous calls are not counted here:
 * login has its own throttle. While Redis is away requests are let through (logged once per
 * outage): limiting is protection, not a reason to refuse every partner.
 */
@Injectable()
export class RequestRateLimitGuard extends ThrottlerGuard {
  protected override headerPrefix = 'RateLimit';
  private readonly log = new Logger(RequestRateLimitGuard.name);
  private counting = true;

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return callerOf(context.switchToHttp().getRequest<AppRequest>()) === null;
  }

  protected override async getTracker(request: Pick<AppRequest, 'apiKey' | 'user'>): Promise<string> {
    return callerOf(request) ?? 'anonymous';
  }

  /** One counter per caller across all routes (the library's default counts per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return `rate-limit:${tracker}`;
  }

  protected override async handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    try {
      const allowed = await super.handleRequest(requestProps);
      if (!this.counting) this.log.log('Rate limiting counts again: Redis is back');
      this.counting = true;
      return allowed;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (this.counting) this.log.warn(`Rate limiting paused, requests are let through: Redis is unreachable (${(error as Error).message})`);
      this.counting = false;
      return true;
    }
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw RateLimitErrors.exceeded(detail.timeToBlockExpire, detail.limit, Math.round(detail.ttl / 1000));
  }
}

/** Whom a request counts against; null for anonymous calls. */
function callerOf({ apiKey, user }: Pick<AppRequest, 'apiKey' | 'user'>): string | null {
  if (apiKey) return `api-key:${apiKey.id}`;
  return user ? `user:${user.id}` : null;
}
