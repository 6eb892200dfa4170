import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { IdempotencyRepository } from './idempotency.repository';
import { requireTransaction } from '../database/transaction';
import { IdempotencyErrors } from './idempotency.errors';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** JSON with sorted keys, so the same body hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.sort(([a], [b]) => a.localeCompare(b)).map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const requestHash = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex');

/**
 * Stripe-style idempotency keys, per organization. Must run inside the
 * transaction that does the work: the key row is inserted first, so a
 * concurrent request with the same key blocks on the unique index until this
 * transaction ends, then replays the stored response (or, if it rolled back,
 * does the work itself). Keys are kept (never purged before 24 h).
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: IdempotencyRepository,
  ) {}

  async execute(
    scope: { organizationId: OrganizationId; operation: string; key: string; body: unknown },
    work: () => Promise<StoredResponse>,
  ): Promise<StoredResponse & { replayed: boolean }> {
    requireTransaction(this.em, 'Idempotent work');
    const hash = requestHash(scope.body);
    const claimed = await this.keys.claim(scope, scope.operation, hash);
    if (!claimed) return { ...(await this.replay(scope, hash)), replayed: true };

    const response = await work();
    await this.keys.storeResponse(claimed, response.status, response.body);
    return { ...response, replayed: false };
  }

  private async replay(scope: { organizationId: OrganizationId; operation: string; key: string }, hash: string): Promise<StoredResponse> {
    const stored = await this.keys.find(scope);
    if (!stored || stored.operation !== scope.operation || stored.requestHash !== hash) {
      throw IdempotencyErrors.keyReused();
    }
    if (stored.responseStatus === null) throw IdempotencyErrors.keyInUse();
    return { status: stored.responseStatus, body: stored.responseBody };
  }
}
