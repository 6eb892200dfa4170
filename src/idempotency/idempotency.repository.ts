import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { rawQuery } from '../database/raw-query';

export interface IdempotencyKey {
  organizationId: OrganizationId;
  key: string;
}

export interface StoredKey {
  operation: string;
  requestHash: string;
  /** Null while the request that claimed the key is still running (or rolled back). */
  responseStatus: number | null;
  responseBody: unknown;
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Claims the key for this request; the id of the new row, or null when the key exists. A
   * concurrent claim of the same key waits on the unique index until this transaction ends.
   */
  async claim(scope: IdempotencyKey, operation: string, requestHash: string): Promise<string | null> {
    const [row] = await rawQuery<{ id: string }>(
      this.em,
      `insert into idempotency_key (id, created_at, organization_id, key, operation, request_hash)
       values (:id, now(), :organizationId, :key, :operation, :requestHash)
       on conflict (organization_id, key) do nothing
       returning id`,
      { id: randomUUID(), organizationId: scope.organizationId, key: scope.key, operation, requestHash },
    );
    return row?.id ?? null;
  }

  async storeResponse(id: string, status: number, body: unknown): Promise<void> {
    await rawQuery(this.em, 'update idempotency_key set response_status = :status, response_body = cast(:body as jsonb) where id = :id', {
      id,
      status,
      body: JSON.stringify(body),
    });
  }

  async find(scope: IdempotencyKey): Promise<StoredKey | null> {
    const [row] = await rawQuery<{ operation: string; request_hash: string; response_status: number | null; response_body: unknown }>(
      this.em,
      'select operation, request_hash, response_status, response_body from idempotency_key where organization_id = :organizationId and key = :key',
      { organizationId: scope.organizationId, key: scope.key },
    );
    return row ? { operation: row.operation, requestHash: row.request_hash, responseStatus: row.response_status, responseBody: row.response_body } : null;
  }
}
