import { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery } from '../database/raw-query';

/** The licences an organization uses: one per host. */
export async function countHosts(em: EntityManager, organizationId: string): Promise<number> {
  const [{ count }] = await rawQuery<{ count: string }>(em, 'select count(*) from host where organization_id = :organizationId', { organizationId });
  return Number(count);
}
