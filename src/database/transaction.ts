import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The one way services run a change: inside the caller's transaction when there is one
 * (another service, a CLI command, a back-office change, a job), else in a new one that
 * commits when `work` returns and rolls back when it throws.
 */
export function inTransaction<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return em.isInTransaction() ? work(em.getContext() as EntityManager) : em.transactional(work);
}

/**
 * For a unit of work that must commit or fail on its own whatever surrounds it: one
 * subscription of the billing run, one job of a worker, one batch of the outbox relay.
 */
export function inOwnTransaction<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return em.fork().transactional(work);
}

/**
 * For code that only means something inside its caller's transaction (a row lock, an
 * invoice number, an audit entry): fails loudly when there is none.
 */
export function requireTransaction(em: EntityManager, what: string): EntityManager {
  if (!em.isInTransaction()) throw new Error(`${what} must run inside the transaction of the change it belongs to`);
  return em.getContext() as EntityManager;
}
