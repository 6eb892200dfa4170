import { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, likePattern } from '../common/pagination';
import { preparedQuery } from './raw-query';
import { ISO_MICROSECONDS } from './sql-timestamps';

/**
 * Keyset paging of an organization's hosts, endpoints or payment methods in creation order
 * (created_at, id). The cursor keeps created_at at the microsecond precision
 * PostgreSQL stores: rows inserted by SQL (imports, seeds) have sub-millisecond
 * timestamps that a JavaScript Date would round, repeating or skipping rows.
 */
export interface CreationOrderedRow {
  id: string;
  /** created_at as ISO 8601 in microseconds (the cursor's precision). */
  created_at_us: string;
}

export interface CreationPageQuery {
  /** A fixed table name from this module, never user input. */
  table: 'host' | 'endpoint' | 'payment_method';
  columns: readonly string[];
  organizationId: string;
  limit: number;
  /** Case-insensitive substring of `name`. */
  q?: string;
  cursor?: string;
}

/** Returns up to limit+1 rows (for `toPage`). */
export function pageInCreationOrder<Row extends CreationOrderedRow>(em: EntityManager, query: CreationPageQuery): Promise<Row[]> {
  const after = decodeCursor<[string, string]>(query.cursor, ['timestamp', 'uuid']);
  const conditions = ['organization_id = :organizationId'];
  if (query.q) conditions.push('name ilike :pattern');
  if (after) conditions.push('(created_at, id) > (cast(:afterAt as timestamptz), cast(:afterId as uuid))');
  return preparedQuery<Row>(
    em,
    `select ${query.columns.join(', ')},
            to_char(created_at at time zone 'UTC', :microsecondsFormat) as created_at_us
       from ${query.table}
      where ${conditions.join(' and ')}
      order by created_at, id
      limit :limit`,
    {
      organizationId: query.organizationId,
      pattern: query.q ? likePattern(query.q) : null,
      afterAt: after?.[0] ?? null,
      afterId: after?.[1] ?? null,
      microsecondsFormat: ISO_MICROSECONDS,
      limit: query.limit + 1,
    },
  );
}

export const creationKey = (row: CreationOrderedRow): [string, string] => [row.created_at_us, row.id];

/** created_at as the API shows it: ISO 8601 in milliseconds (cut, as PostgreSQL's MS field is). */
export const createdAtIso = (row: CreationOrderedRow): string => `${row.created_at_us.slice(0, 23)}Z`;
