import { ConfigError, loadConfig, vendorPlaceholderWarnings } from './app-config';

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

describe('vendorPlaceholderWarnings', () => {
  const secret = { JWT_SECRET: 'x'.repeat(40) };
  const realVendor = {
    VENDOR_NAME: 'Sicher GmbH',
    VENDOR_SUPPORT_EMAIL: 'support@sicher.example',
    VENDOR_SUPPORT_PHONE: '+49 89 1234',
    VENDOR_STREET: 'Hauptstraße 5',
    VENDOR_POSTAL_CODE: '80331',
    VENDOR_CITY: 'München',
    VENDOR_COUNTRY: 'DE',
    VENDOR_VAT_ID: 'DE123456789',
  };

  it('names, one line each, every vendor setting production still runs on its placeholder for', () => {
    const env = { NODE_ENV: 'production', ...secret, VENDOR_NAME: 'Sicher GmbH' };
    const warnings = vendorPlaceholderWarnings(loadConfig(env), env);
    expect(warnings.map((line) => line.split(' ')[0])).toEqual([
      'VENDOR_SUPPORT_EMAIL',
      'VENDOR_SUPPORT_PHONE',
      'VENDOR_STREET',
      'VENDOR_POSTAL_CODE',
      'VENDOR_CITY',
      'VENDOR_COUNTRY',
      'VENDOR_VAT_ID',
    ]);
    expect(warnings[2]).toBe('VENDOR_STREET is not set: invoices and mails use the placeholder "Musterstraße 1"');
  });

  it('is silent once the vendor is configured, and outside production', () => {
    const env = { NODE_ENV: 'production', ...secret, ...realVendor };
    expect(vendorPlaceholderWarnings(loadConfig(env), env)).toEqual([]);
    expect(vendorPlaceholderWarnings(loadConfig({}), {})).toEqual([]);
  });
});
