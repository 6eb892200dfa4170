import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisClient } from '../redis/redis.module';
import { AuthErrors } from './auth.errors';
import { FailureCounts, loginVerdict } from './login-lockout';

/** How much slower every login to an account under attack answers (from addresses not locked out). */
export const ATTACKED_ACCOUNT_DELAY_MS = 1000;

/**
 * Counts failed logins in Redis, so the rule (loginVerdict) holds across API replicas: per account
 * and client address, per account, per client address, each for LOGIN_LOCK_SECONDS after its
 * first failure. When Redis is unreachable logins still work (availability over throttling) and
 * the outage is logged.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(
    private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses with 429 when this address is locked out; waits first when the account is under attack. */
  async admit(scope: string, email: string, ip: string): Promise<void> {
    const keys = this.keys(scope, email, ip);
    const values = await this.tryRedis(() => this.redis.mget(keys.accountFromAddress, keys.account, keys.address));
    if (!values) return;
    const [accountFromAddress, account, address] = values.map((value) => Number(value ?? 0));
    const counts: FailureCounts = { accountFromAddress, account, address };
    const verdict = loginVerdict(counts, this.config.auth.loginMaxFailures, ATTACKED_ACCOUNT_DELAY_MS);
    if (!verdict.allowed) {
      const ttl = await this.tryRedis(() => this.redis.ttl(keys[verdict.lockedKey]));
      throw AuthErrors.tooManyLoginAttempts(ttl && ttl > 0 ? ttl : this.config.auth.loginLockSeconds);
    }
    if (verdict.delayMs > 0) await delay(verdict.delayMs);
  }

  async recordFailure(scope: string, email: string, ip: string): Promise<void> {
    await this.tryRedis(() => {
      const pipeline = this.redis.multi();
      for (const key of Object.values(this.keys(scope, email, ip))) pipeline.incr(key).expire(key, this.config.auth.loginLockSeconds, 'NX');
      return pipeline.exec();
    });
  }

  /** The address proved it knows the password: its own failures for the account are forgiven, the account's and the address's totals stay. */
  async recordSuccess(scope: string, email: string, ip: string): Promise<void> {
    await this.tryRedis(() => this.redis.del(this.keys(scope, email, ip).accountFromAddress));
  }

  private keys(scope: string, email: string, ip: string): Record<keyof FailureCounts, string> {
    const prefix = `partnerhub:login-failures:${scope}`;
    return { accountFromAddress: `${prefix}:account-address:${email}:${ip}`, account: `${prefix}:account:${email}`, address: `${prefix}:ip:${ip}` };
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
