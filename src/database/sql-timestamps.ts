/**
 * to_char formats for reading timestamptz columns through raw SQL, whose rows
 * MikroORM's driver leaves as PostgreSQL's text (not Dates). Use them on
 * `column at time zone 'UTC'`, passed as bindings (a literal's `:MI` would
 * look like a named binding).
 */
export const ISO_MILLISECONDS = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';
export const ISO_MICROSECONDS = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
