import { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery } from '../database/raw-query';
import { requireTransaction } from '../database/transaction';

/**
 * Locks an organization's row until the caller's transaction ends, which serializes its orders,
 * addon changes and new hosts. False when the organization does not exist (or is deleted).
 */
export async function lockOrganization(em: EntityManager, organizationId: string): Promise<boolean> {
  requireTransaction(em, 'Locking an organization');
  const rows = await rawQuery(em, 'select id from organization where id = :organizationId and deleted_at is null for update', { organizationId });
  return rows.length > 0;
}
