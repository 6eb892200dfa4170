import { join } from 'node:path';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';

// The same relative path works from src/database (ts-jest, tsx) and dist/src/database (built).
const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

/** `entities` is the application's list (src/app/entities.ts); the database layer knows no domain module. */
export function createOrmOptions(databaseUrl: string, entities: Options['entities'], overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    pool: { min: 0, max: 10 },
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      snapshot: false,
      silent: true,
    },
    ...overrides,
  });
}
