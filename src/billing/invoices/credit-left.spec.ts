import { clipToWhatIsLeft, exceedsWhatIsLeft, leftToCredit, netLeft } from './credit-left';

const billed = [
  { code: 'business', totalCents: 20000 },
  { code: 'hosts-10', totalCents: 3000 },
  // an addon booked mid-period: a pro-rated line of the same code
  { code: 'hosts-10', totalCents: 1200 },
];

describe('what is left to credit of an invoice', () => {
  it('is each code’s billed total less its credit notes’ lines', () => {
    const left = leftToCredit(billed, [{ code: 'business', totalCents: -20000 }, { code: 'hosts-10', totalCents: -1000 }]);
    expect(Object.fromEntries(left)).toEqual({ business: 0, 'hosts-10': 3200 });
    expect(netLeft(left)).toBe(3200);
  });

  it.each([
    ['a code credited in full before', [{ code: 'business', creditedCents: 1 }], true],
    ['more of a code than is left', [{ code: 'hosts-10', creditedCents: 3201 }], true],
    ['two lines of a code together over what is left', [{ code: 'hosts-10', creditedCents: 3000 }, { code: 'hosts-10', creditedCents: 201 }], true],
    ['a code the invoice never billed', [{ code: 'backup', creditedCents: 1 }], true],
    ['exactly what is left', [{ code: 'hosts-10', creditedCents: 3000 }, { code: 'hosts-10', creditedCents: 200 }], false],
  ])('refuses %s: %j', (_case, wanted, exceeds) => {
    const left = leftToCredit(billed, [{ code: 'business', totalCents: -20000 }, { code: 'hosts-10', totalCents: -1000 }]);
    expect(exceedsWhatIsLeft(wanted, left)).toBe(exceeds);
  });

  it('clips wanted lines to what is left, in order, dropping those with nothing left', () => {
    const left = leftToCredit(billed, [{ code: 'business', totalCents: -20000 }, { code: 'hosts-10', totalCents: -3000 }]);
    const wanted = [
      { code: 'business', creditedCents: 9000, description: 'plan' },
      { code: 'hosts-10', creditedCents: 1000, description: 'first' },
      { code: 'hosts-10', creditedCents: 1000, description: 'second' },
    ];
    expect(clipToWhatIsLeft(wanted, left)).toEqual([
      { code: 'hosts-10', creditedCents: 1000, description: 'first' },
      { code: 'hosts-10', creditedCents: 200, description: 'second' },
    ]);
  });
});
