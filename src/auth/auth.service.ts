import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PasswordHasher } from '../accounts/password-hasher';
import { User, UserStatus, normalizeEmail } from '../accounts/user.entity';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthenticatedUser } from '../authz/caller';
import { ACCESS_TOKEN_ISSUER, AccessTokenClaims } from './access-token-claims';
import { MfaChallengeDto } from './dto/mfa.dto';
import { MfaErrors } from './mfa/mfa.errors';
import { MfaService, SecondFactor } from './mfa/mfa.service';
import { TokenPairDto } from './dto/auth.dto';
import { SessionDto } from './dto/session.dto';
import { LoginThrottle } from './login-throttle';
import { RefreshToken } from './refresh-token.entity';
import { tokenHash } from './token-hash';
import { RefreshTokenRepository } from './refresh-token.repository';
import { inTransaction, requireTransaction } from '../database/transaction';
import { AuthErrors } from './auth.errors';
import { isUuid } from '../common/uuid-param';
import { notFound } from '../common/domain-error';

const LOGIN_SCOPE = 'api';
/** Failed second factors are counted per user and client address like passwords. */
const MFA_SCOPE = 'mfa';
const MFA_TOKEN_AUDIENCE = 'partnerhub-mfa';
const MFA_TOKEN_TTL_SECONDS = 300;

interface MfaTokenClaims {
  sub: string;
  purpose: 'mfa';
}

/** Where a login or refresh comes from, kept with the session it starts or continues. */
export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

/** User agents are kept for people to recognise their sessions, not in full. */
const USER_AGENT_LIMIT = 300;


@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly mfa: MfaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(rawEmail: string, password: string, client: ClientInfo): Promise<TokenPairDto | MfaChallengeDto> {
    const email = normalizeEmail(rawEmail);
    const { ip } = client;
    await this.throttle.admit(LOGIN_SCOPE, email, ip);
    const user = await this.em.findOne(User, { email }, { populate: ['passwordHash'] });
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid) {
      await this.throttle.recordFailure(LOGIN_SCOPE, email, ip);
      throw AuthErrors.invalidCredentials();
    }
    await this.throttle.recordSuccess(LOGIN_SCOPE, email, ip);
    if (user.mfaEnabledAt) {
      const claims: MfaTokenClaims = { sub: user.id, purpose: 'mfa' };
      return { mfaRequired: true, mfaToken: await this.jwt.signAsync(claims, { audience: MFA_TOKEN_AUDIENCE, expiresIn: MFA_TOKEN_TTL_SECONDS }) };
    }
    return this.startSession(user, client);
  }

  /** The login's second step: the token from the first and a code (or a recovery code). Failures count like wrong passwords. */
  async completeMfaLogin(mfaToken: string, factor: SecondFactor, client: ClientInfo): Promise<TokenPairDto> {
    const claims = await this.jwt
      .verifyAsync<MfaTokenClaims>(mfaToken, { audience: MFA_TOKEN_AUDIENCE, issuer: ACCESS_TOKEN_ISSUER })
      .catch(() => null);
    if (!claims || claims.purpose !== 'mfa' || !isUuid(claims.sub)) throw MfaErrors.invalidCode();
    await this.throttle.admit(MFA_SCOPE, claims.sub, client.ip);
    const user = await this.em.findOne(User, { id: claims.sub });
    if (!user || !(await this.mfa.verify(user.id, factor))) {
      await this.throttle.recordFailure(MFA_SCOPE, claims.sub, client.ip);
      throw MfaErrors.invalidCode();
    }
    await this.throttle.recordSuccess(MFA_SCOPE, claims.sub, client.ip);
    return this.startSession(user, client);
  }

  private startSession(user: User, client: ClientInfo): Promise<TokenPairDto> {
    return inTransaction(this.em, async () => {
      user.lastLoginAt = new Date();
      user.status = UserStatus.Active;
      return this.issue(user, randomUUID(), client);
    });
  }

  /**
   * Rotates a refresh token in one transaction that holds the user's session lock. A token spent
   * within the grace window (REFRESH_REUSE_GRACE_SECONDS) rotates again: two requests of one
   * client refreshing at once both get a pair. Spent longer ago it was stolen or replayed: its
   * whole family is revoked (committed, then 401).
   */
  async refresh(presented: string, client: ClientInfo): Promise<TokenPairDto> {
    const found = await this.verifyRefreshToken(presented);
    if (!found) throw AuthErrors.invalidRefreshToken();
    const rotated = await inTransaction(this.em, async (em) => {
      await this.refreshTokens.lockSessionsOf(found.user.id);
      const token = await em.findOneOrFail(RefreshToken, { id: found.id }, { refresh: true });
      const now = Date.now();
      if (token.revokedAt || token.expiresAt.getTime() <= now) return null;
      if (token.usedAt && now - token.usedAt.getTime() > this.config.auth.refreshReuseGraceSeconds * 1000) {
        await this.revokeFamily(token.familyId);
        return null;
      }
      token.usedAt ??= new Date(now);
      await em.flush();
      return this.issue(await em.findOneOrFail(User, { id: token.user.id }), token.familyId, client);
    });
    if (!rotated) throw AuthErrors.invalidRefreshToken();
    return rotated;
  }

  async logout(presented: string): Promise<void> {
    const token = await this.verifyRefreshToken(presented);
    if (!token) return;
    await inTransaction(this.em, async () => {
      await this.refreshTokens.lockSessionsOf(token.user.id);
      await this.revokeFamily(token.familyId);
    });
  }

  /** Changes the password, clears mustChangePassword and ends every other session of the user. */
  async changePassword(caller: AuthenticatedUser, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.em.findOneOrFail(User, { id: caller.id }, { populate: ['passwordHash'] });
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw AuthErrors.wrongCurrentPassword();
    }
    if (currentPassword === newPassword) {
      throw AuthErrors.passwordUnchanged();
    }
    const passwordHash = await this.passwords.hash(newPassword);
    await inTransaction(this.em, async (em) => {
      user.passwordHash = passwordHash;
      user.mustChangePassword = false;
      user.status = UserStatus.Active;
      await em.flush();
      await this.revokeSessions(user.id, caller.sessionId);
    });
  }

  /** Ends the user's sessions (revokes their refresh tokens), all of them or all but `exceptFamily`. Runs in the caller's transaction. */
  async revokeSessions(userId: string, exceptFamily?: string): Promise<void> {
    await this.refreshTokens.lockSessionsOf(userId);
    await this.em.getContext().nativeUpdate(
      RefreshToken,
      { user: userId, ...(exceptFamily === undefined ? {} : { familyId: { $ne: exceptFamily } }), revokedAt: null },
      { revokedAt: new Date() },
    );
  }

  async listSessions(caller: AuthenticatedUser): Promise<SessionDto[]> {
    const rows = await this.refreshTokens.sessionsOf(caller.id);
    return rows.map((row) => ({
      id: row.id,
      createdAt: new Date(row.created_at).toISOString(),
      lastUsedAt: new Date(row.last_used_at).toISOString(),
      ip: row.client_ip,
      userAgent: row.user_agent,
      current: row.id === caller.sessionId,
    }));
  }

  /** Ends one session of the user (its refresh tokens); 404 when the user has no such live session. */
  async endSession(userId: string, sessionId: string): Promise<void> {
    await inTransaction(this.em, async (em) => {
      await this.refreshTokens.lockSessionsOf(userId);
      const ended = await em.nativeUpdate(RefreshToken, { user: userId, familyId: sessionId, revokedAt: null }, { revokedAt: new Date() });
      if (ended === 0) throw notFound('Session');
    });
  }

  /** Ends every session of the user, the caller's own included. */
  async endAllSessions(userId: string): Promise<void> {
    await inTransaction(this.em, () => this.revokeSessions(userId));
  }

  private async issue(user: User, familyId: string, client: ClientInfo): Promise<TokenPairDto> {
    const em = requireTransaction(this.em, 'Issuing a refresh token');
    const secret = randomBytes(32).toString('base64url');
    const token = em.create(RefreshToken, {
      user,
      familyId,
      tokenHash: tokenHash(secret),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000),
      clientIp: client.ip,
      userAgent: client.userAgent?.slice(0, USER_AGENT_LIMIT),
    });
    await em.persist(token).flush();
    const claims: AccessTokenClaims = { sub: user.id, email: user.email, sid: familyId, mcp: user.mustChangePassword };
    return {
      accessToken: await this.jwt.signAsync(claims),
      refreshToken: `${token.id}.${secret}`,
      expiresIn: this.config.auth.accessTtlSeconds,
      user: { id: user.id, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword },
    };
  }

  private async verifyRefreshToken(presented: string): Promise<RefreshToken | null> {
    const [id, secret] = presented.split('.');
    if (!isUuid(id) || !secret) return null;
    const token = await this.em.findOne(RefreshToken, { id });
    if (!token) return null;
    const expected = Buffer.from(token.tokenHash);
    const actual = Buffer.from(tokenHash(secret));
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? token : null;
  }

  /** Inside a transaction that holds the user's session lock. */
  private async revokeFamily(familyId: string): Promise<void> {
    await this.em.getContext().nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: new Date() });
  }
}

