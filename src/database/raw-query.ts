import { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs SQL with `:name` bindings in the caller's transaction (when there is
 * one). Use `cast(:x as type)` rather than `::type` next to bindings.
 */
export function rawQuery<Row>(em: EntityManager, sql: string, bindings: Record<string, unknown> = {}): Promise<Row[]> {
  return em.execute<Row[]>(em.getKnex().raw(sql, bindings as Record<string, never>));
}
