import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { PasswordHasher } from '../../accounts/password-hasher';
import { UserStatus, normalizeEmail } from '../../accounts/user.entity';
import { Membership } from '../../accounts/membership.entity';
import { inTransaction } from '../../database/transaction';
import { MailService } from '../../mail/mail.service';
import { RedisClient } from '../../redis/redis.module';
import { AuthErrors } from '../auth.errors';
import { AuthService } from '../auth.service';
import { tokenHash } from '../token-hash';
import { PasswordResetToken } from './password-reset-token.entity';
import { PasswordResetErrors } from './password-reset.errors';
import { PASSWORD_RESET_TEMPLATE, RESET_VALID_MINUTES } from './password-reset-mail-content';

/** Mails one account gets per hour at most; further requests are answered the same and send nothing. */
const MAILS_PER_ACCOUNT_HOUR = 3;
/** Requests one client address may make per hour before 429. */
const REQUESTS_PER_ADDRESS_HOUR = 20;


/**
 * Password reset by mail. Asking always answers the same, after the same work, whether the address
 * is known or not; the mail carries a single-use token valid RESET_VALID_MINUTES, stored hashed.
 * Confirming sets the password and ends every session of the user.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailService,
    private readonly passwords: PasswordHasher,
    private readonly auth: AuthService,
    private readonly redis: RedisClient,
  ) {}

  async request(rawEmail: string, ip: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    const [addressRequests, accountRequests] = await this.count([`partnerhub:password-reset:ip:${ip}`, `partnerhub:password-reset:account:${email}`]);
    if (addressRequests > REQUESTS_PER_ADDRESS_HOUR) throw AuthErrors.tooManyLoginAttempts(3600);
    const token = randomBytes(32).toString('base64url');
    await inTransaction(this.em, async (em) => {
      // One lookup whether the address is known or not. The oldest organization brands the mail and
      // sets its language; a user in none has nobody to brand it and gets none.
      const membership = await em.findOne(
        Membership,
        { user: { email }, organization: { deletedAt: null } },
        { populate: ['user'], orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      if (!membership || accountRequests > MAILS_PER_ACCOUNT_HOUR) return;
      const user = membership.user;
      const reset = em.create(PasswordResetToken, { user, tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + RESET_VALID_MINUTES * 60_000) });
      em.persist(reset);
      this.mail.queue({
        template: PASSWORD_RESET_TEMPLATE,
        recipient: user.email,
        organizationId: membership.organization.id,
        references: { userId: user.id, organizationId: membership.organization.id, resetId: reset.id },
        secret: token,
      });
      await em.flush();
    });
  }

  async confirm(token: string, newPassword: string): Promise<void> {
    const passwordHash = await this.passwords.hash(newPassword);
    await inTransaction(this.em, async (em) => {
      // Claimed in one statement: of two confirmations with one token, one wins.
      const hash = tokenHash(token);
      const claimed = await em.nativeUpdate(PasswordResetToken, { tokenHash: hash, usedAt: null, expiresAt: { $gt: new Date() } }, { usedAt: new Date() });
      if (claimed === 0) throw PasswordResetErrors.invalidToken();
      const reset = await em.findOneOrFail(PasswordResetToken, { tokenHash: hash }, { populate: ['user'] });
      const user = reset.user;
      user.passwordHash = passwordHash;
      user.mustChangePassword = false;
      if (user.status === UserStatus.Invited) user.status = UserStatus.Active;
      // Other links of the user die with this one.
      await em.nativeUpdate(PasswordResetToken, { user, usedAt: null }, { usedAt: new Date() });
      await em.flush();
      await this.auth.revokeSessions(user.id);
    });
  }

  /** Counts this request against each key for an hour; zeros while Redis is away (resets still work). */
  private async count(keys: string[]): Promise<number[]> {
    try {
      const pipeline = this.redis.multi();
      for (const key of keys) pipeline.incr(key).expire(key, 3600, 'NX');
      const results = (await pipeline.exec()) ?? [];
      return keys.map((_key, index) => Number(results[index * 2]?.[1] ?? 0));
    } catch (error) {
      this.logger.warn(`Password reset limits skipped, Redis unavailable: ${(error as Error).message}`);
      return keys.map(() => 0);
    }
  }
}
