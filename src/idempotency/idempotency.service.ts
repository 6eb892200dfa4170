import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { rawQuery } from '../database/raw-query';
import { requireTransaction } from '../database/transaction';
import { IdempotencyErrors } from './idempotency.errors';

export interface StoredResponse {
  status: number;
  body: unknown;
}

interface StoredRow {
  operation: string;
  request_hash: string;
  response_status: number | null;
  response_body: unknown;
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
  constructor(private readonly em: EntityManager) {}

  async execute(
    scope: { organizationId: string; operation: string; key: string; body: unknown },
    work: () => Promise<StoredResponse>,
  ): Promise<StoredResponse & { replayed: boolean }> {
    requireTransaction(this.em, 'Idempotent work');
    const hash = requestHash(scope.body);
    const id = randomUUID();
    const inserted = await rawQuery<{ id: string }>(
      this.em,
      `insert into idempotency_key (id, created_at, organization_id, key, operation, request_hash)
       values (:id, now(), :organizationId, :key, :operation, :hash)
       on conflict (organization_id, key) do nothing
       returning id`,
      { id, organizationId: scope.organizationId, key: scope.key, operation: scope.operation, hash },
    );
    if (inserted.length === 0) return { ...(await this.replay(scope, hash)), replayed: true };

    const response = await work();
    await rawQuery(this.em, 'update idempotency_key set response_status = :status, response_body = cast(:body as jsonb) where id = :id', {
      id,
      status: response.status,
      body: JSON.stringify(response.body),
    });
    return { ...response, replayed: false };
  }

  private async replay(scope: { organizationId: string; operation: string; key: string }, hash: string): Promise<StoredResponse> {
    const [stored] = await rawQuery<StoredRow>(
      this.em,
      'select operation, request_hash, response_status, response_body from idempotency_key where organization_id = :organizationId and key = :key',
      { organizationId: scope.organizationId, key: scope.key },
    );
    if (!stored || stored.operation !== scope.operation || stored.request_hash !== hash) {
      throw IdempotencyErrors.keyReused();
    }
    if (stored.response_status === null) throw IdempotencyErrors.keyInUse();
    return { status: stored.response_status, body: stored.response_body };
  }
}
