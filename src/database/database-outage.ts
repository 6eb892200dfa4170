import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { errorMessage } from '../common/error-message';
import { DatabaseErrors } from './database.errors';

/** Node's socket errors and PostgreSQL's connection and shutdown states: the database is not there, the request is fine. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', '57P01', '57P02', '57P03', '53300']);
const UNREACHABLE_MESSAGES = /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|connect ECONNREFUSED|the database system is (starting up|shutting down)/i;

/** Whether an error, or one it wraps, says PostgreSQL cannot be reached (as opposed to a query it refused). */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, sqlState, message, cause, errors } = error as { code?: unknown; sqlState?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  for (const candidate of [code, sqlState]) {
    if (typeof candidate === 'string' && (UNREACHABLE_CODES.has(candidate) || candidate.startsWith('08'))) return true;
  }
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnreachable(inner, depth + 1))) return true;
  return isDatabaseUnreachable(cause, depth + 1);
}

const PROBE_INTERVAL_MS = 2_000;

/**
 * Tells requests that failed because PostgreSQL is gone from real failures: those get a 503 with
 * Retry-After instead of a 500 with a stack trace. An outage is logged once when it starts and once
 * when it ends (a probe asks PostgreSQL every 2 s meanwhile); the pool reconnects by itself.
 */
@Injectable()
export class DatabaseOutage implements OnModuleDestroy {
  private readonly logger = new Logger('Database');
  private since?: number;
  private probe?: NodeJS.Timeout;

  constructor(private readonly em: EntityManager) {}

  /** For the problem filter: the 503 for an unreachable database, else undefined. */
  readonly translate = (error: unknown): DomainError | undefined => {
    if (!isDatabaseUnreachable(error)) return undefined;
    this.begin(error);
    return DatabaseErrors.unavailable();
  };

  get unreachable(): boolean {
    return this.since !== undefined;
  }

  onModuleDestroy(): void {
    clearInterval(this.probe);
  }

  private begin(error: unknown): void {
    if (this.since !== undefined) return;
    this.since = Date.now();
    this.logger.error(`PostgreSQL is unreachable (${errorMessage(error)}); requests get 503 until it answers again`);
    this.probe = setInterval(() => void this.check(), PROBE_INTERVAL_MS);
    this.probe.unref();
  }

  private async check(): Promise<void> {
    try {
      await this.em.fork().getConnection().execute('select 1');
    } catch {
      return;
    }
    clearInterval(this.probe);
    const seconds = Math.round((Date.now() - (this.since ?? Date.now())) / 1000);
    this.since = undefined;
    this.logger.log(`PostgreSQL answers again after ${seconds} s`);
  }
}
