import { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationKind } from '../authz/roles';
import { rawQuery } from '../database/raw-query';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';
import { requireTransaction } from '../database/transaction';

/** A live organization's row as the rules that lock it need it. */
export interface OrganizationRow {
  name: string;
  kind: OrganizationKind;
  trialEndsAt: Date;
  trialLicenses: number;
}

/**
 * Reads a live organization's row; null when it does not exist (or is deleted). With `lock`
 * the row stays locked until the caller's transaction ends: the one lock that serializes an
 * organization's orders, addon changes, new hosts, promotion and deletion.
 */
export async function readOrganizationRow(em: EntityManager, organizationId: string, { lock }: { lock: boolean }): Promise<OrganizationRow | null> {
  if (lock) requireTransaction(em, 'Locking an organization');
  const [row] = await rawQuery<{ name: string; kind: OrganizationKind; trial_ends_at: string; trial_licenses: number }>(
    em,
    `select name, kind, to_char(trial_ends_at at time zone 'UTC', :isoFormat) as trial_ends_at, trial_licenses
       from organization
      where id = :organizationId and deleted_at is null${lock ? ' for update' : ''}`,
    { organizationId, isoFormat: ISO_MILLISECONDS },
  );
  return row ? { name: row.name, kind: row.kind, trialEndsAt: new Date(row.trial_ends_at), trialLicenses: row.trial_licenses } : null;
}

/** Locks a live organization's row until the caller's transaction ends; null when it does not exist. */
export const lockOrganization = (em: EntityManager, organizationId: string) => readOrganizationRow(em, organizationId, { lock: true });
