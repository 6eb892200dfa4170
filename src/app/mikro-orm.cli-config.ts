import { join } from 'node:path';
import { createOrmOptions } from '../database/mikro-orm.config';
import { ENTITIES } from './entities';

// For the mikro-orm CLI (`npm run migration:create`), which writes new migrations into the source tree.
const sourceMigrations = join(process.cwd(), 'migrations');
const options = createOrmOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/partnerhub', ENTITIES, { allowGlobalContext: true });

export default { ...options, migrations: { ...options.migrations, path: sourceMigrations, pathTs: sourceMigrations } };
