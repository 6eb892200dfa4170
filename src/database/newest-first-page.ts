import { QueryBuilder } from '@mikro-orm/postgresql';
import { Page, decodeCursor, toPage } from '../common/pagination';

/** Which timestamp orders a newest-first list: the entity property and its column. */
export interface NewestFirstOrder<Entity> {
  property: keyof Entity & string;
  column: string;
}

/**
 * One keyset page of `qb`'s rows, newest first by (timestamp, id); the cursor names the last row
 * shown. `qb` brings its own conditions; ordering and limit are set here.
 */
export async function newestFirstPage<Entity extends { id: string }, Item>(
  qb: QueryBuilder<Entity>,
  order: NewestFirstOrder<Entity>,
  limit: number,
  cursor: string | undefined,
  map: (row: Entity) => Item,
): Promise<Page<Item>> {
  const before = decodeCursor<[string, string]>(cursor, ['timestamp', 'uuid']);
  qb.orderBy({ [order.property]: 'desc', id: 'desc' } as never).limit(limit + 1);
  if (before) qb.andWhere(`(${qb.alias}.${order.column}, ${qb.alias}.id) < (?, ?)`, [before[0], before[1]]);
  const rows = await qb.getResultList();
  return toPage(rows, limit, (row) => [(row[order.property] as Date).toISOString(), row.id], map);
}
