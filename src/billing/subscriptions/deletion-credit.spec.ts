import { deletionCredit } from './deletion-credit';

describe('deletionCredit', () => {
  // 30 days: 1 Nov 2026 → 1 Dec 2026; deleted during 10 Nov, so 20 days are credited from 11 Nov.
  const november = { start: new Date('2026-11-01T00:00:00.000Z'), end: new Date('2026-12-01T00:00:00.000Z') };
  const deletedAt = new Date('2026-11-10T15:00:00.000Z');
  const creditedPeriod = { periodStart: new Date('2026-11-11T00:00:00.000Z'), periodEnd: november.end };
  const line = (code: string, unitPriceCents: number, periodStart?: Date) => ({ code, description: code, quantity: 1, unitPriceCents, periodStart });

  it('credits the unused share of every line still booked that billed the period', () => {
    const billed = [line('business', 3000), line('hosts-10', 600)];
    expect(deletionCredit(billed, new Set(['business', 'hosts-10']), november, deletedAt)).toEqual([
      { code: 'business', description: 'business', creditedCents: 2000, ...creditedPeriod },
      { code: 'hosts-10', description: 'hosts-10', creditedCents: 400, ...creditedPeriod },
    ]);
  });

  it('credits neither removed addons nor lines that billed a period of their own', () => {
    const billed = [line('business', 3000), line('pentest', 900), line('hosts-10', 300, new Date('2026-10-20T00:00:00.000Z'))];
    expect(deletionCredit(billed, new Set(['business', 'hosts-10']), november, deletedAt).map((credit) => credit.code)).toEqual(['business']);
  });

  it('credits only the first line of a code on invoices whose lines carry no period (the pro-rated line came last)', () => {
    const billed = [line('business', 3000), line('hosts-10', 600), line('hosts-10', 250)];
    expect(deletionCredit(billed, new Set(['business', 'hosts-10']), november, deletedAt).map((credit) => credit.creditedCents)).toEqual([2000, 400]);
  });

  it('credits nothing once the period is used up', () => {
    expect(deletionCredit([line('business', 3000)], new Set(['business']), november, new Date('2026-11-30T10:00:00.000Z'))).toEqual([]);
  });
});
