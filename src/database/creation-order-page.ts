import { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationId } from '../common/organization-id';
import { decodeCursor, likePattern } from '../common/pagination';
import { CreationOrderedRow } from './creation-order';
import { preparedQuery } from './raw-query';
import { ISO_MICROSECONDS } from './sql-timestamps';

export interface CreationPageQuery {
  /** A fixed table name from this module, never user input. */
  table: 'host' | 'endpoint' | 'payment_method' | 'api_key' | 'webhook_endpoint';
  /** A fixed SQL condition from the calling repository, never user input. */
  condition?: 'revoked_at is null';
  columns: readonly string[];
  organizationId: OrganizationId;
  limit: number;
  /** Case-insensitive substring of `name`. */
  q?: string;
  cursor?: string;
}

/** Returns up to limit+1 rows (for `toPage`). */
export function pageInCreationOrder<Row extends CreationOrderedRow>(em: EntityManager, query: CreationPageQuery): Promise<Row[]> {
  const after = decodeCursor<[string, string]>(query.cursor, ['timestamp', 'uuid']);
  const conditions = ['organization_id = :organizationId'];
  if (query.condition) conditions.push(query.condition);
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
