import { until } from './servers';

describe('bench servers: until', () => {
  it('resolves true as soon as the check passes', async () => {
    let calls = 0;
    await expect(until(() => ++calls === 3, 1_000, 1)).resolves.toBe(true);
    expect(calls).toBe(3);
  });

  it('resolves false once the time is up', async () => {
    await expect(until(() => false, 20, 5)).resolves.toBe(false);
  });

  it('passes on what the check throws', async () => {
    await expect(
      until(() => {
        throw new Error('exited');
      }, 1_000, 1),
    ).rejects.toThrow('exited');
  });
});
