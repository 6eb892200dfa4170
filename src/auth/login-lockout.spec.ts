import { loginVerdict } from './login-lockout';

describe('loginVerdict (LOGIN_MAX_FAILURES 5, 1 s delay under attack)', () => {
  it.each([
    [{ accountFromAddress: 0, account: 0, address: 0 }, { allowed: true, delayMs: 0 }],
    [{ accountFromAddress: 4, account: 4, address: 4 }, { allowed: true, delayMs: 0 }],
    [{ accountFromAddress: 5, account: 5, address: 5 }, { allowed: false, lockedKey: 'accountFromAddress' }],
    // The account's owner, from an address that has not failed, while others attack it: let in, slowly.
    [{ accountFromAddress: 0, account: 500, address: 0 }, { allowed: true, delayMs: 1000 }],
    [{ accountFromAddress: 1, account: 5, address: 3 }, { allowed: true, delayMs: 1000 }],
    // Spraying: an address failing across accounts, each only a few times.
    [{ accountFromAddress: 0, account: 0, address: 49 }, { allowed: true, delayMs: 0 }],
    [{ accountFromAddress: 0, account: 0, address: 50 }, { allowed: false, lockedKey: 'address' }],
  ])('%j → %j', (counts, verdict) => {
    expect(loginVerdict(counts, 5, 1000)).toEqual(verdict);
  });
});
