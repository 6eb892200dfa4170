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

export const creationKey = (row: CreationOrderedRow): [string, string] => [row.created_at_us, row.id];

/** created_at as the API shows it: ISO 8601 in milliseconds (cut, as PostgreSQL's MS field is). */
export const createdAtIso = (row: CreationOrderedRow): string => `${row.created_at_us.slice(0, 23)}Z`;
