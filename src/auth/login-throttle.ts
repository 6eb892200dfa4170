import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisClient } from '../redis/redis.module';
import { AuthErrors } from './auth.errors';


// An address may fail this many times more often than one account, for offices behind one NAT.
const IP_ALLOWANCE_FACTOR = 10;

/**
 * Counts failed logins per account and per client address in Redis, so the limit
 * holds across API replicas. When Redis is unreachable logins still work
 * (availability over throttling) and the outage is logged.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(
    private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(scope: string, email: string, ip: string): Promise<void> {
    const keys = this.keys(scope, email, ip);
    const limits = [this.config.auth.loginMaxFailures, this.config.auth.loginMaxFailures * IP_ALLOWANCE_FACTOR];
    const counts = await this.tryRedis(() => this.redis.mget(keys.map(([key]) => key)));
    if (!counts) return;
    for (const [index, count] of counts.entries()) {
      if (Number(count ?? 0) >= limits[index]) {
        const ttl = await this.tryRedis(() => this.redis.ttl(keys[index][0]));
        const retryAfter = ttl && ttl > 0 ? ttl : this.config.auth.loginLockSeconds;
        throw AuthErrors.tooManyLoginAttempts(retryAfter);
      }
    }
  }

  async recordFailure(scope: string, email: string, ip: string): Promise<void> {
    await this.tryRedis(() => {
      const pipeline = this.redis.multi();
      for (const [key] of this.keys(scope, email, ip)) {
        pipeline.incr(key).expire(key, this.config.auth.loginLockSeconds, 'NX');
      }
      return pipeline.exec();
    });
  }

  async recordSuccess(scope: string, email: string, ip: string): Promise<void> {
    await this.tryRedis(() => this.redis.del(this.keys(scope, email, ip)[0][0]));
  }

  private keys(scope: string, email: string, ip: string): [string][] {
    return [[`partnerhub:login-failures:${scope}:account:${email}`], [`partnerhub:login-failures:${scope}:ip:${ip}`]];
  }

  private async tryRedis<T>(command: () => Promise<T>): Promise<T | undefined> {
    try {
      return await command();
    } catch (error) {
      this.logger.warn(`Login throttle skipped, Redis unavailable: ${(error as Error).message}`);
      return undefined;
    }
  }
}
