import { QueryBuilder } from '@mikro-orm/postgresql';
import { Page, decodeCursor, likePattern, toPage } from '../common/pagination';

/** How a list is ordered: one sort property (then id, for ties) and the direction. */
export interface KeysetOrder<Entity> {
  property: keyof Entity & string;
  column: string;
  /** newest-first lists sort a timestamp descending; by-name lists sort a text ascending. */
  direction: 'asc' | 'desc';
}

export const newestFirst = <Entity>(property: keyof Entity & string, column: string): KeysetOrder<Entity> => ({ property, column, direction: 'desc' });
export const byName = <Entity extends { name: string }>(): KeysetOrder<Entity> => ({ property: 'name' as keyof Entity & string, column: 'name', direction: 'asc' });

/**
 * One keyset page of `qb`'s rows ordered by (property, id); the cursor names the last row shown.
 * `qb` brings its own conditions; ordering, the cursor condition and the limit are set here.
 */
export async function keysetPage<Entity extends { id: string }, Item>(
  qb: QueryBuilder<Entity>,
  order: KeysetOrder<Entity>,
  limit: number,
  cursor: string | undefined,
  map: (row: Entity) => Item,
): Promise<Page<Item>> {
  const timestamps = order.direction === 'desc';
  const after = decodeCursor<[string, string]>(cursor, [timestamps ? 'timestamp' : 'string', 'uuid']);
  qb.orderBy({ [order.property]: order.direction, id: order.direction } as never).limit(limit + 1);
  if (after) qb.andWhere(`(${qb.alias}.${order.column}, ${qb.alias}.id) ${timestamps ? '<' : '>'} (?, ?)`, [after[0], after[1]]);
  const rows = await qb.getResultList();
  const keyOf = (row: Entity): [string, string] => {
    const value = row[order.property] as unknown;
    return [value instanceof Date ? value.toISOString() : String(value), row.id];
  };
  return toPage(rows, limit, keyOf, map);
}

/** Narrows `qb` to rows whose name contains `q` (case-insensitive, wildcards literal). */
export function whereNameContains<Entity extends object>(qb: QueryBuilder<Entity>, q: string | undefined): QueryBuilder<Entity> {
  if (q) qb.andWhere(`${qb.alias}.name ilike ?`, [likePattern(q)]);
  return qb;
}
