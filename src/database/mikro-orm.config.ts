import { join } from 'node:path';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';

// The same relative path works from src/database (ts-jest, tsx) and dist/src/database (built).
const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

export function createOrmOptions(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
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

// Default export for the mikro-orm CLI (`npm run migration:create`), which writes into the source tree.
const cliOptions = createOrmOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/partnerhub', {
  allowGlobalContext: true,
});
const sourceMigrations = join(process.cwd(), 'migrations');
export default { ...cliOptions, migrations: { ...cliOptions.migrations, path: sourceMigrations, pathTs: sourceMigrations } };
