import type { AuthenticatedUser } from '../authz/caller';
import { VerifiedAccessTokens } from './verified-access-tokens';

const user = (id: string, tokenExpiresAt: number): AuthenticatedUser => ({ id, email: `${id}@x.de`, sessionId: 's', mustChangePassword: false, tokenExpiresAt });

describe('VerifiedAccessTokens', () => {
  it('knows a token until the second it expires, then forgets it', () => {
    let now = 1_000_000;
    const tokens = new VerifiedAccessTokens(10, () => now);
    tokens.remember('a', user('u1', 2_000));
    expect(tokens.get('a')?.id).toBe('u1');
    now = 1_999_999;
    expect(tokens.get('a')?.id).toBe('u1');
    now = 2_000_000;
    expect(tokens.get('a')).toBeUndefined();
    expect(tokens.get('never-seen')).toBeUndefined();
  });

  it('holds at most its capacity, dropping the oldest token first', () => {
    const tokens = new VerifiedAccessTokens(2, () => 0);
    tokens.remember('a', user('a', 60));
    tokens.remember('b', user('b', 60));
    tokens.remember('c', user('c', 60));
    expect([tokens.get('a'), tokens.get('b')?.id, tokens.get('c')?.id]).toEqual([undefined, 'b', 'c']);
  });
});
