import { createHash } from 'node:crypto';
import { EntityManager, type Knex } from '@mikro-orm/postgresql';

/**
 * Runs SQL with `:name` bindings in the caller's transaction (when there is
 * one). Use `cast(:x as type)` rather than `::type` next to bindings.
 */
export function rawQuery<Row>(em: EntityManager, sql: string, bindings: Record<string, unknown> = {}): Promise<Row[]> {
  return em.execute<Row[]>(em.getKnex().raw(sql, bindings as Record<string, never>));
}

interface PreparedStatement {
  /** Statement names are per connection and at most 63 bytes: derived from the SQL. */
  name: string;
  /** `sql` with `$1`, `$2`, … in place of the `:name` bindings. */
  text: string;
  /** The binding names in the order of `$1`, `$2`, …. */
  parameters: string[];
}

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** By SQL text: a handful of fixed statements (hot paths only, never SQL built from input). */
const statements = new Map<string, PreparedStatement>();

/**
 * rawQuery for the read paths every request takes (the access check, list pages): a named
 * prepared statement on the pg connection, so PostgreSQL parses and plans the SQL once per
 * connection rather than on every call (MikroORM inlines bindings into fresh SQL text), and no
 * query builder runs. Same binding rules as rawQuery.
 */
export async function preparedQuery<Row>(em: EntityManager, sql: string, bindings: Record<string, unknown>): Promise<Row[]> {
  const statement = statements.get(sql) ?? prepare(sql);
  const values = statement.parameters.map((parameter) => bindings[parameter] ?? null);
  const client = (em.getTransactionContext<Knex.Transaction>() ?? em.getKnex()).client;
  const connection = (await client.acquireConnection()) as PgConnection;
  try {
    const { rows } = await connection.query({ name: statement.name, text: statement.text, values });
    return rows as Row[];
  } finally {
    await client.releaseConnection(connection);
  }
}

function prepare(sql: string): PreparedStatement {
  const parameters: string[] = [];
  const text = sql.replace(/(?<!:):([A-Za-z_]\w*)/g, (_match, parameter: string) => {
    const index = parameters.indexOf(parameter);
    if (index >= 0) return `$${index + 1}`;
    parameters.push(parameter);
    return `$${parameters.length}`;
  });
  const statement = { name: `partnerhub_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`, text, parameters };
  statements.set(sql, statement);
  return statement;
}
