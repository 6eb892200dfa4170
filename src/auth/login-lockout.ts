/**
 * The lockout rule, pure: failed logins counted per account and client address, per account, and
 * per client address. Only the address that failed is locked out of an account, so knowing
 * someone's e-mail is not enough to lock them out; an account failing from anywhere slows every
 * login to it down; an address failing across many accounts (password spraying) is throttled.
 */
export interface FailureCounts {
  /** Failures of this account from this address. */
  accountFromAddress: number;
  /** Failures of this account from any address. */
  account: number;
  /** Failures of any account from this address. */
  address: number;
}

/** An address may fail this many times more often than one account, for offices behind one NAT. */
export const ADDRESS_ALLOWANCE_FACTOR = 10;

export type LoginVerdict =
  | { allowed: true; delayMs: number }
  | { allowed: false; lockedKey: 'accountFromAddress' | 'address' };

export function loginVerdict(counts: FailureCounts, maxFailures: number, attackDelayMs: number): LoginVerdict {
  if (counts.address >= maxFailures * ADDRESS_ALLOWANCE_FACTOR) return { allowed: false, lockedKey: 'address' };
  if (counts.accountFromAddress >= maxFailures) return { allowed: false, lockedKey: 'accountFromAddress' };
  return { allowed: true, delayMs: counts.account >= maxFailures ? attackDelayMs : 0 };
}
