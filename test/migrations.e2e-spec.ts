import { MikroORM } from '@mikro-orm/postgresql';
import { ENTITIES } from '../src/app/entities';
import { createOrmOptions } from '../src/database/mikro-orm.config';
import { recreateWorkerDatabase } from './support/test-databases';

/** The worker's database is a copy of the template, which global setup builds by running every migration. */
describe('migrations', () => {
  it('create exactly the schema the entities describe: an entity change without its migration fails here', async () => {
    const orm = await MikroORM.init(createOrmOptions(await recreateWorkerDatabase(), ENTITIES));
    try {
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await orm.close();
    }
  });
});
