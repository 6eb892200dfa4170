import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has defaults that work on a developer machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/partnerhub',
      redisUrl: 'redis://127.0.0.1:6379',
      workersEnabled: true,
      trial: { days: 14, licenses: 2 },
      vatRate: 19,
      mail: { outboxDir: 'var/outbox' },
    });
  });

  it('parses numbers and switches', () => {
    expect(loadConfig({ PORT: '8080', WORKERS: 'off', TRIAL_DAYS: '30' })).toMatchObject({ port: 8080, workersEnabled: false, trial: { days: 30 } });
  });

  it('requires a strong JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).auth.jwtSecret).toBe('x'.repeat(32));
  });

  it('reports every bad variable in one message', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WORKERS: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^Invalid configuration: /);
      expect((error as Error).message).toMatch(/PORT|integer/);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
      expect((error as Error).message).toMatch(/WORKERS/);
    }
  });
});
