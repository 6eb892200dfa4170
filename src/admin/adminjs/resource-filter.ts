import { EntityMetadata, EntityProperty, ReferenceKind } from '@mikro-orm/core';
import { likePattern } from '../../common/pagination';
import { isUuid } from '../../common/uuid-param';

export type Where = Record<string, unknown>;

export interface FilterEntry {
  path: string;
  value: unknown;
}

/** Filters computed from other columns, e.g. `deleted` from `deletedAt`. */
export type VirtualFilters = Record<string, (value: unknown) => Where | undefined>;

// MikroORM turns an empty $in into `1 = 0`: the filter's value cannot match anything.
const NOTHING = { $in: [] };

type ColumnKind = 'uuid' | 'text' | 'number' | 'boolean' | 'datetime' | 'other';

function columnKind(prop: EntityProperty): ColumnKind {
  const column = (prop.columnTypes?.[0] ?? String(prop.type)).toLowerCase();
  if (column === 'uuid') return 'uuid';
  if (column === 'boolean' || column === 'bool') return 'boolean';
  if (/^(int|integer|smallint|bigint|numeric|decimal|float|double|real)/.test(column)) return 'number';
  if (column.startsWith('timestamp') || column === 'date') return 'datetime';
  if (column === 'text' || column.startsWith('varchar') || column.startsWith('character')) return 'text';
  return 'other';
}

/** Whether `value` can be this entity's primary key; an id of another type would make PostgreSQL fail the query. */
export function isValidPrimaryKey(meta: EntityMetadata, value: unknown): boolean {
  const pk = meta.properties[meta.primaryKeys[0]];
  if (!pk) return false;
  const kind = columnKind(pk);
  if (kind === 'uuid') return isUuid(value);
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

function exact(kind: ColumnKind, value: unknown): unknown {
  if (typeof value !== 'string') return NOTHING;
  if (kind === 'uuid') return isUuid(value) ? value : NOTHING;
  return value;
}

function scalarCondition(prop: EntityProperty, value: unknown): unknown {
  if (prop.enum) return typeof value === 'string' && (prop.items ?? []).map(String).includes(value) ? value : NOTHING;
  const kind = columnKind(prop);
  switch (kind) {
    case 'uuid':
      return exact(kind, value);
    case 'boolean':
      return value === 'true' || value === true ? true : value === 'false' || value === false ? false : undefined;
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      return Number.isFinite(number) ? number : NOTHING;
    }
    case 'datetime': {
      const range = (typeof value === 'object' && value !== null ? value : {}) as { from?: unknown; to?: unknown };
      const from = range.from ? new Date(String(range.from)) : undefined;
      const to = range.to ? new Date(String(range.to)) : undefined;
      if ((from && Number.isNaN(from.getTime())) || (to && Number.isNaN(to.getTime()))) return NOTHING;
      if (!from && !to) return undefined;
      return { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
    }
    case 'text':
      return typeof value === 'string' && value !== '' ? { $ilike: likePattern(value) } : undefined;
    default:
      return undefined; // json, bytea: not filterable
  }
}

function condition(prop: EntityProperty, value: unknown): unknown {
  if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
    const target = prop.targetMeta;
    const pk = target?.properties[target.primaryKeys[0]];
    return pk ? exact(columnKind(pk), value) : undefined;
  }
  return prop.kind === ReferenceKind.SCALAR ? scalarCondition(prop, value) : undefined;
}

/**
 * AdminJS list filters as a MikroORM query. Only `exposed` properties filter (a hidden column such
 * as a password hash is not an oracle); values of the wrong type match nothing instead of reaching
 * PostgreSQL; text matches case-insensitively with LIKE wildcards escaped.
 */
export function filterWhere(meta: EntityMetadata, filters: FilterEntry[], exposed: ReadonlySet<string>, virtual: VirtualFilters = {}): Where {
  const conditions: Where[] = [];
  for (const { path, value } of filters) {
    const virtualFilter = virtual[path];
    if (virtualFilter) {
      const where = virtualFilter(value);
      if (where) conditions.push(where);
      continue;
    }
    const prop = meta.properties[path];
    if (!exposed.has(path) || !prop) continue;
    const where = condition(prop, value);
    if (where !== undefined) conditions.push({ [path]: where });
  }
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
}

/** Sorting only by exposed scalar columns; anything else falls back to `fallback`. */
export function orderBy(
  meta: EntityMetadata,
  sort: { sortBy?: unknown; direction?: unknown } | undefined,
  exposed: ReadonlySet<string>,
  fallback: Record<string, 'asc' | 'desc'>,
): Record<string, 'asc' | 'desc'> {
  const sortBy = typeof sort?.sortBy === 'string' ? sort.sortBy : undefined;
  const prop = sortBy ? meta.properties[sortBy] : undefined;
  if (!sortBy || !prop || !exposed.has(sortBy) || prop.kind !== ReferenceKind.SCALAR) return fallback;
  const direction = sort?.direction === 'desc' ? 'desc' : 'asc';
  // A tie-breaker keeps pages stable when the sort column repeats.
  const pk = meta.primaryKeys[0];
  return sortBy === pk ? { [sortBy]: direction } : { [sortBy]: direction, [pk]: direction };
}
