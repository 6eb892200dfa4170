export type LicenseSource = 'trial' | 'subscription' | 'none';

/** What the licence limit of one organization depends on. */
export interface LicenseInputs {
  trialEndsAt: Date;
  trialLicenses: number;
  /** Licences of the active subscription (plan + addons); undefined while there is none. */
  subscriptionLicenses?: number;
}

export interface LicenseLimit {
  limit: number;
  source: LicenseSource;
  /** The trial's end while no subscription applies (also after it ran out), else null. */
  trialEndsAt: Date | null;
}

export interface LicenseUsage extends LicenseLimit {
  used: number;
}

/**
 * The one rule for how many hosts an organization may have: an active
 * subscription's licences, else the trial's while it runs, else none.
 */
export function licenseLimit(inputs: LicenseInputs, now: Date): LicenseLimit {
  if (inputs.subscriptionLicenses !== undefined) {
    return { limit: inputs.subscriptionLicenses, source: 'subscription', trialEndsAt: null };
  }
  const trialEndsAt = inputs.trialLicenses > 0 ? inputs.trialEndsAt : null;
  if (trialEndsAt && now.getTime() < trialEndsAt.getTime()) {
    return { limit: inputs.trialLicenses, source: 'trial', trialEndsAt };
  }
  return { limit: 0, source: 'none', trialEndsAt };
}

/** Column expressions of one organization's licence inputs, for licenseSql. */
export interface LicenseInputColumns {
  /** The active subscription's licence sum; null without one. */
  subscriptionLicenses: string;
  trialLicenses: string;
  trialEndsAt: string;
  /** The instant to judge at, e.g. a binding. */
  now: string;
}

/**
 * licenseLimit's `limit` and `source` as SQL expressions, for lists that filter or sort by them in
 * the database. The same rule: test/license-limit-sql.e2e-spec.ts checks both agree on every case.
 */
export function licenseSql(columns: LicenseInputColumns): { limit: string; source: string } {
  const subscribed = `${columns.subscriptionLicenses} is not null`;
  const trialRuns = `${columns.trialLicenses} > 0 and ${columns.now} < ${columns.trialEndsAt}`;
  return {
    limit: `(case when ${subscribed} then ${columns.subscriptionLicenses} when ${trialRuns} then ${columns.trialLicenses} else 0 end)`,
    source: `(case when ${subscribed} then 'subscription' when ${trialRuns} then 'trial' else 'none' end)`,
  };
}
