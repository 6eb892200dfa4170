// Settings the benchmarks read from the environment.

/** As `min` of numberFromEnv: accepts every number above 0 (there is no double between 0 and it). */
export const ABOVE_ZERO = Number.MIN_VALUE;

/** The number in environment variable `name` when it is set and at least `min`, else `fallback`. */
export function numberFromEnv(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value >= min ? value : fallback;
}

/** The PostgreSQL server of the benchmarks: BENCH_POSTGRES_URL, else DATABASE_URL's, else 127.0.0.1:5432. */
export function benchPostgresUrl(): string {
  return process.env.BENCH_POSTGRES_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The seller a production process needs on its invoices (it refuses to start without one). */
export const BENCH_SELLER_ENV = {
  VENDOR_NAME: 'Bench Vendor GmbH',
  VENDOR_STREET: 'Benchstraße 1',
  VENDOR_POSTAL_CODE: '10115',
  VENDOR_CITY: 'Berlin',
  VENDOR_COUNTRY: 'DE',
  VENDOR_VAT_ID: 'DE123456789',
  VENDOR_IBAN: 'DE89370400440532013000',
  VENDOR_SEPA_CREDITOR_ID: 'DE98ZZZ09999999999',
};
