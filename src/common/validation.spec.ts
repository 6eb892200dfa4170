import { MAX_INPUT_DEPTH, inputShapeErrors } from './validation';

describe('inputShapeErrors', () => {
  it('accepts ordinary input, line breaks and tabs included', () => {
    expect(inputShapeErrors({ name: 'Müller & Söhne', address: { street: 'Hauptstraße 1\n\tHinterhaus' }, codes: ['a', 'b'], count: 3, none: null })).toEqual([]);
  });

  it('names every field holding a control character', () => {
    expect(inputShapeErrors({ name: 'a\u0000', address: { city: 'b\u001b' }, codes: ['ok', 'c\u007f'] })).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name must not contain control characters' },
        { field: 'address.city', message: 'address.city must not contain control characters' },
        { field: 'codes.1', message: 'codes.1 must not contain control characters' },
      ]),
    );
    expect(inputShapeErrors('x\u0000', 'addonCode')).toEqual([{ field: 'addonCode', message: 'addonCode must not contain control characters' }]);
  });

  it('refuses nesting deeper than the limit without overflowing on hostile depth', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(inputShapeErrors({ deep })).toEqual([{ field: expect.stringMatching(/^deep(\.0)*$/), message: `the input must not nest deeper than ${MAX_INPUT_DEPTH} levels` }]);

    let allowed: unknown = 1;
    for (let level = 0; level < MAX_INPUT_DEPTH - 1; level += 1) allowed = { a: allowed };
    expect(inputShapeErrors({ allowed })).toEqual([]);
  });
});
