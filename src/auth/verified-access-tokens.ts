import type { AuthenticatedUser } from '../authz/caller';

/**
 * Access tokens passport has verified, with the user each one proved, until the token expires.
 * Verifying an HS256 token (base64, JSON, HMAC, claim checks) was about a sixth of the CPU of an
 * authorized request; a client sends the same token with every request for its lifetime. This
 * is a memo of a pure check (signature, issuer, audience, expiry); nothing about a token can
 * change before it expires, so replicas need not share it.
 */
export class VerifiedAccessTokens {
  private readonly users = new Map<string, { user: AuthenticatedUser; expiresAtMs: number }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user a token proved, while it has not expired. */
  get(token: string): AuthenticatedUser | undefined {
    const entry = this.users.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAtMs) {
      this.users.delete(token);
      return undefined;
    }
    return entry.user;
  }

  /** Until `user.tokenExpiresAt`, the expiry of the token that proved the user. */
  remember(token: string, user: AuthenticatedUser): void {
    if (this.users.size >= this.capacity) {
      // Oldest first (a Map iterates in insertion order): those expire first too.
      const [oldest] = this.users.keys();
      this.users.delete(oldest);
    }
    this.users.set(token, { user: Object.freeze(user), expiresAtMs: user.tokenExpiresAt * 1000 });
  }
}
