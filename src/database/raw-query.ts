import { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';

/**
 * Runs SQL with `:name` bindings in the caller's transaction (when there is
 * one). Use `cast(:x as type)` rather than `::type` next to bindings.
 */
export function rawQuery<Row>(em: EntityManager, sql: string, bindings: Record<string, unknown> = {}): Promise<Row[]> {
  return em.execute<Row[]>(em.getKnex().raw(sql, bindings as Record<string, never>));
}

interface PreparedStatement {
  sql: string;
  /** `sql` with `$1`, `$2`, … in place of the `:name` bindings. */
  text: string;
  /** The binding names in the order of `$1`, `$2`, …. */
  parameters: string[];
}

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const statements = new Map<string, PreparedStatement>();

/**
 * rawQuery for the read paths every request takes (the access check, list pages): a named
 * prepared statement on the pg connection, so PostgreSQL parses and plans the SQL once per
 * connection rather than on every call (MikroORM inlines bindings into fresh SQL text), and no
 * query builder runs. `name` stands for exactly one SQL text; same binding rules as rawQuery.
 */
export async function preparedQuery<Row>(em: EntityManager, name: string, sql: string, bindings: Record<string, unknown>): Promise<Row[]> {
  const statement = statements.get(name) ?? prepare(name, sql);
  if (statement.sql !== sql) throw new Error(`prepared statement ${name} was already used for other SQL`);
  const values = statement.parameters.map((parameter) => bindings[parameter] ?? null);
  const client = (em.getTransactionContext<Knex.Transaction>() ?? em.getKnex()).client;
  const connection = (await client.acquireConnection()) as PgConnection;
  try {
    const { rows } = await connection.query({ name, text: statement.text, values });
    return rows as Row[];
  } finally {
    await client.releaseConnection(connection);
  }
}

function prepare(name: string, sql: string): PreparedStatement {
  const parameters: string[] = [];
  const text = sql.replace(/(?<!:):([A-Za-z_]\w*)/g, (_match, parameter: string) => {
    const index = parameters.indexOf(parameter);
    if (index >= 0) return `$${index + 1}`;
    parameters.push(parameter);
    return `$${parameters.length}`;
  });
  const statement = { sql, text, parameters };
  statements.set(name, statement);
  return statement;
}
