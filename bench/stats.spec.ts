import { median, percentile, timeRenders } from './stats';

describe('bench stats', () => {
  it('takes the nearest-rank percentile of ascending samples', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 0.5)).toBe(5);
    expect(percentile(sorted, 0.9)).toBe(9);
    expect(percentile(sorted, 0.99)).toBe(10);
    expect(percentile([7], 0.5)).toBe(7);
  });

  it('takes the median, the mean of the middle two for an even count', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
  });

  it('times only the runs after the warm-ups and keeps the last result', async () => {
    let calls = 0;
    const { times, last } = await timeRenders(async () => ++calls, 2, 3);
    expect(calls).toBe(5);
    expect(last).toBe(5);
    expect(times.runs).toBe(3);
    expect(times.medianMs).toBeGreaterThanOrEqual(0);
    expect(times.p99Ms).toBeGreaterThanOrEqual(times.medianMs);
  });
});
