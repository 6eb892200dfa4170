import { EntityMetadata, ReferenceKind } from '@mikro-orm/core';
import { filterWhere, isValidPrimaryKey, orderBy } from './resource-filter';

const organizationMeta = {
  name: 'Organization',
  primaryKeys: ['code'],
  properties: { code: { name: 'code', kind: ReferenceKind.SCALAR, columnTypes: ['text'] } },
} as unknown as EntityMetadata;

const meta = {
  name: 'Thing',
  primaryKeys: ['id'],
  properties: {
    id: { name: 'id', kind: ReferenceKind.SCALAR, columnTypes: ['uuid'] },
    name: { name: 'name', kind: ReferenceKind.SCALAR, columnTypes: ['text'] },
    kind: { name: 'kind', kind: ReferenceKind.SCALAR, columnTypes: ['organization_kind'], enum: true, items: ['partner', 'customer'] },
    active: { name: 'active', kind: ReferenceKind.SCALAR, columnTypes: ['boolean'] },
    licenses: { name: 'licenses', kind: ReferenceKind.SCALAR, columnTypes: ['int'] },
    createdAt: { name: 'createdAt', kind: ReferenceKind.SCALAR, columnTypes: ['timestamptz'] },
    recipient: { name: 'recipient', kind: ReferenceKind.SCALAR, columnTypes: ['jsonb'] },
    passwordHash: { name: 'passwordHash', kind: ReferenceKind.SCALAR, columnTypes: ['text'], hidden: true },
    partner: { name: 'partner', kind: ReferenceKind.MANY_TO_ONE, columnTypes: ['uuid'], targetMeta: undefined as unknown },
    plan: { name: 'plan', kind: ReferenceKind.MANY_TO_ONE, columnTypes: ['text'], targetMeta: organizationMeta },
  },
} as unknown as EntityMetadata;
(meta.properties as Record<string, { targetMeta?: unknown }>).partner.targetMeta = meta;

const exposed = new Set(['id', 'name', 'kind', 'active', 'licenses', 'createdAt', 'recipient', 'partner', 'plan']);
const NOTHING = { $in: [] };

describe('filterWhere', () => {
  it('matches text case-insensitively with LIKE wildcards escaped', () => {
    expect(filterWhere(meta, [{ path: 'name', value: '50%_Ä' }], exposed)).toEqual({ name: { $ilike: '%50\\%\\_Ä%' } });
  });

  it('matches ids, references and enums exactly, and a malformed value matches nothing', () => {
    const id = '6f1c1a52-7c52-4a56-9bd7-54c0b1a0a0f1';
    expect(filterWhere(meta, [{ path: 'partner', value: id }], exposed)).toEqual({ partner: id });
    expect(filterWhere(meta, [{ path: 'partner', value: 'nope' }], exposed)).toEqual({ partner: NOTHING });
    expect(filterWhere(meta, [{ path: 'id', value: "1' or '1'='1" }], exposed)).toEqual({ id: NOTHING });
    expect(filterWhere(meta, [{ path: 'plan', value: 'business' }], exposed)).toEqual({ plan: 'business' });
    expect(filterWhere(meta, [{ path: 'kind', value: 'partner' }], exposed)).toEqual({ kind: 'partner' });
    expect(filterWhere(meta, [{ path: 'kind', value: 'admin' }], exposed)).toEqual({ kind: NOTHING });
  });

  it('parses booleans, numbers and date ranges', () => {
    expect(filterWhere(meta, [{ path: 'active', value: 'false' }, { path: 'licenses', value: '10' }], exposed)).toEqual({
      $and: [{ active: false }, { licenses: 10 }],
    });
    expect(filterWhere(meta, [{ path: 'licenses', value: 'ten' }], exposed)).toEqual({ licenses: NOTHING });
    expect(filterWhere(meta, [{ path: 'createdAt', value: { from: '2026-01-01', to: '2026-02-01' } }], exposed)).toEqual({
      createdAt: { $gte: new Date('2026-01-01'), $lte: new Date('2026-02-01') },
    });
    expect(filterWhere(meta, [{ path: 'createdAt', value: { from: 'garbage' } }], exposed)).toEqual({ createdAt: NOTHING });
  });

  it('ignores hidden, unknown and unfilterable properties, and applies virtual filters', () => {
    expect(
      filterWhere(meta, [{ path: 'passwordHash', value: '$argon2id' }, { path: 'nope', value: 'x' }, { path: 'recipient', value: 'x' }], exposed),
    ).toEqual({});
    const virtual = { deleted: (value: unknown) => (value === 'true' ? { deletedAt: { $ne: null } } : undefined) };
    expect(filterWhere(meta, [{ path: 'deleted', value: 'true' }], exposed, virtual)).toEqual({ deletedAt: { $ne: null } });
  });
});

describe('orderBy', () => {
  const fallback = { createdAt: 'desc' } as const;

  it('sorts by an exposed scalar column with the primary key as tie-breaker', () => {
    expect(orderBy(meta, { sortBy: 'name', direction: 'desc' }, exposed, fallback)).toEqual({ name: 'desc', id: 'desc' });
    expect(orderBy(meta, { sortBy: 'name', direction: 'sideways' }, exposed, fallback)).toEqual({ name: 'asc', id: 'asc' });
  });

  it('falls back for hidden, unknown and relation columns', () => {
    for (const sortBy of ['passwordHash', 'nope', 'partner', undefined]) expect(orderBy(meta, { sortBy, direction: 'asc' }, exposed, fallback)).toBe(fallback);
  });
});

describe('isValidPrimaryKey', () => {
  it('accepts only values PostgreSQL can compare with the key column', () => {
    expect(isValidPrimaryKey(meta, '6f1c1a52-7c52-4a56-9bd7-54c0b1a0a0f1')).toBe(true);
    expect(isValidPrimaryKey(meta, 'not-a-uuid')).toBe(false);
    expect(isValidPrimaryKey(organizationMeta, 'business')).toBe(true);
    expect(isValidPrimaryKey(organizationMeta, '')).toBe(false);
  });
});
