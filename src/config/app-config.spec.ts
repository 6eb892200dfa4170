import { ConfigError, loadConfig, vendorPlaceholderWarnings } from './app-config';

const SELLER = {
  VENDOR_NAME: 'Sicher GmbH',
  VENDOR_STREET: 'Hauptstraße 5',
  VENDOR_POSTAL_CODE: '80331',
  VENDOR_CITY: 'München',
  VENDOR_COUNTRY: 'DE',
  VENDOR_VAT_ID: 'DE123456789',
  VENDOR_IBAN: 'DE89 3704 0044 0532 0130 00',
  VENDOR_SEPA_CREDITOR_ID: 'DE98ZZZ09999999999',
};

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
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ...SELLER }).auth.jwtSecret).toBe('x'.repeat(32));
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

describe('the seller on invoices in production', () => {
  const secret = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };

  it('refuses to start, in one line, without the seller\'s name, address and VAT ID or tax number', () => {
    expect(() => loadConfig(secret)).toThrow(
      new ConfigError("Invoices need the seller's details (§14 UStG) and where they are paid: set VENDOR_NAME, VENDOR_STREET, VENDOR_POSTAL_CODE, VENDOR_CITY, VENDOR_COUNTRY, VENDOR_IBAN, VENDOR_SEPA_CREDITOR_ID, VENDOR_VAT_ID or VENDOR_TAX_NUMBER"),
    );
    const { VENDOR_VAT_ID: _vatId, ...withoutTaxId } = SELLER;
    expect(() => loadConfig({ ...secret, ...withoutTaxId, VENDOR_VAT_ID: '' })).toThrow(/set VENDOR_VAT_ID or VENDOR_TAX_NUMBER$/);
  });

  it('starts with a tax number instead of a VAT ID, and outside production without either', () => {
    const { VENDOR_VAT_ID: _vatId, ...withoutTaxId } = SELLER;
    expect(loadConfig({ ...secret, ...withoutTaxId, VENDOR_TAX_NUMBER: '143/123/45678' }).vendor).toMatchObject({ taxNumber: '143/123/45678', vatId: undefined });
    expect(loadConfig({}).vendor.name).toBe('partnerhub GmbH');
  });
});

describe('vendorPlaceholderWarnings', () => {
  const secret = { JWT_SECRET: 'x'.repeat(40) };

  it('names, one line each, the vendor contact production still runs on its placeholder for', () => {
    const env = { NODE_ENV: 'production', ...secret, ...SELLER };
    expect(vendorPlaceholderWarnings(loadConfig(env), env)).toEqual([
      'VENDOR_SUPPORT_EMAIL is not set: mails use the placeholder "support@partnerhub.local"',
      'VENDOR_SUPPORT_PHONE is not set: mails use the placeholder "+49 30 0000000"',
    ]);
  });

  it('is silent once the vendor is configured, and outside production', () => {
    const env = { NODE_ENV: 'production', ...secret, ...SELLER, VENDOR_SUPPORT_EMAIL: 'support@sicher.example', VENDOR_SUPPORT_PHONE: '+49 89 1234' };
    expect(vendorPlaceholderWarnings(loadConfig(env), env)).toEqual([]);
    expect(vendorPlaceholderWarnings(loadConfig({}), {})).toEqual([]);
  });
});
