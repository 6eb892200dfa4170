import { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, likePattern } from '../common/pagination';
import { preparedQuery } from '../database/raw-query';
import { ISO_MICROSECONDS, ISO_MILLISECONDS } from './sql-timestamps';

/**
 * Keyset paging of an organization's hosts, endpoints or payment methods in creation order
 * (created_at, id). The cursor keeps created_at at the microsecond precision
 * PostgreSQL stores: rows inserted by SQL (imports, seeds) have sub-millisecond
 * timestamps that a JavaScript Date would round, repeating or skipping rows.
 */
export interface CreationOrderedRow {
  id: string;
  /** ISO 8601 in milliseconds, as the API shows it. */
  created_at_iso: string;
  /** ISO 8601 in microseconds, for the cursor. */
  cursor_at: string;
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
    `creation-page:${query.table}:${query.columns.join(',')}${query.q ? ':q' : ''}${after ? ':after' : ''}`,
    `select ${query.columns.join(', ')},
            to_char(created_at at time zone 'UTC', :isoFormat) as created_at_iso,
            to_char(created_at at time zone 'UTC', :cursorFormat) as cursor_at
       from ${query.table}
      where ${conditions.join(' and ')}
      order by created_at, id
      limit :limit`,
    {
      organizationId: query.organizationId,
      pattern: query.q ? likePattern(query.q) : null,
      afterAt: after?.[0] ?? null,
      afterId: after?.[1] ?? null,
      isoFormat: ISO_MILLISECONDS,
      cursorFormat: ISO_MICROSECONDS,
      limit: query.limit + 1,
    },
  );
}

export const creationKey = (row: CreationOrderedRow): [string, string] => [row.cursor_at, row.id];
