import { DomainError } from './domain-error';
import { decodeCursor, encodeCursor, likePattern, toPage } from './pagination';

describe('pagination', () => {
  it('round-trips keyset cursors', () => {
    const cursor = encodeCursor([1, 'Müller & Söhne', 'c0ffee00-0000-0000-0000-000000000000']);
    expect(decodeCursor(cursor, ['number', 'string', 'string'])).toEqual([1, 'Müller & Söhne', 'c0ffee00-0000-0000-0000-000000000000']);
  });

  it.each(['%%%', encodeCursor(['a']), encodeCursor([1, 2, 3]), Buffer.from('{"a":1}').toString('base64url')])(
    'rejects the malformed cursor %s with a 400 problem',
    (cursor) => {
      expect(() => decodeCursor(cursor, ['number', 'string', 'string'])).toThrow(DomainError);
    },
  );

  it('returns a next cursor only when there is another page', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(toPage(rows, 2, (row) => [row.id], (row) => row.id)).toEqual({ items: ['a', 'b'], nextCursor: encodeCursor(['b']) });
    expect(toPage(rows, 3, (row) => [row.id], (row) => row.id)).toEqual({ items: ['a', 'b', 'c'], nextCursor: null });
  });

  it('matches q literally', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('cursor part checks', () => {
  it('accepts uuids and timestamps up to microseconds', () => {
    const key = ['2026-11-27T17:00:00.123456Z', 'c0ffee00-0000-4000-8000-000000000000'];
    expect(decodeCursor(encodeCursor(key), ['timestamp', 'uuid'])).toEqual(key);
  });

  it.each([
    ['yesterday', 'c0ffee00-0000-4000-8000-000000000000'],
    ['2026-11-27T17:00:00Z', "1' or '1'='1"],
    ['2026-13-45T99:99:99Z', 'c0ffee00-0000-4000-8000-000000000000'],
    ['2026-02-30T00:00:00Z', 'c0ffee00-0000-4000-8000-000000000000'],
    ['2026-02-28T24:00:00Z', 'c0ffee00-0000-4000-8000-000000000000'],
  ])('rejects %s / %s', (at, id) => {
    expect(() => decodeCursor(encodeCursor([at, id]), ['timestamp', 'uuid'])).toThrow(DomainError);
  });
});

describe('cursor parts that would reach SQL as bad values', () => {
  it.each([
    ['a NUL byte in a string', [0, 'Acme\u0000', 'c0ffee00-0000-4000-8000-000000000000']],
    ['a control character in a string', [0, 'Acme\u001b[31m', 'c0ffee00-0000-4000-8000-000000000000']],
    ['a fractional number', [0.5, 'Acme', 'c0ffee00-0000-4000-8000-000000000000']],
    ['a number beyond integer precision', [2 ** 60, 'Acme', 'c0ffee00-0000-4000-8000-000000000000']],
    ['an overlong string', [0, 'x'.repeat(513), 'c0ffee00-0000-4000-8000-000000000000']],
  ])('rejects %s', (_case, key) => {
    expect(() => decodeCursor(encodeCursor(key as (string | number)[]), ['number', 'string', 'uuid'])).toThrow(DomainError);
  });
});
