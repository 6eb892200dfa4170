import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Capability } from '../../authz/permission-table';
import type { OrganizationKind } from '../../authz/roles';
import { OrganizationId } from '../../common/organization-id';
import { CreationOrderedRow } from '../../database/creation-order';
import { pageInCreationOrder } from '../../database/creation-order-page';
import { preparedQuery } from '../../database/raw-query';

export interface ApiKeyRow extends CreationOrderedRow {
  name: string;
  prefix: string;
  scopes: Capability[];
  /** timestamptz as PostgreSQL's text, as raw rows have them. */
  expires_at: string;
  last_used_at: string | null;
  last_used_ip: string | null;
  created_by_id: string | null;
  created_by_email: string;
}

/** A live key, and the organization the route names when it is within the key's reach. */
export interface AuthenticatedKeyRow {
  id: string;
  name: string;
  organization_id: string;
  scopes: Capability[];
  /** No use recorded within the last minute. */
  use_unrecorded: boolean;
  /** Null when the route names no organization, or one the key does not reach. */
  target_kind: OrganizationKind | null;
  target_partner_id: OrganizationId | null;
}

/**
 * One round trip per request: the key (live: not revoked, not expired, its organization not
 * deleted) and the target organization (the key's own, or a customer of the key's partner
 * organization). Read from PostgreSQL every time, so revoking or expiring takes effect on the next
 * request on every replica.
 */
const AUTHENTICATE_SQL = `
  select k.id, k.name, k.organization_id, k.scopes,
         (k.last_used_at is null or k.last_used_at < now() - interval '1 minute') as use_unrecorded, target.kind as target_kind, target.partner_id as target_partner_id
    from api_key k
    join organization owner on owner.id = k.organization_id and owner.deleted_at is null
    left join organization target
      on target.id = cast(:targetId as uuid) and target.deleted_at is null
     and (target.id = k.organization_id or target.partner_id = k.organization_id)
   where k.token_hash = :tokenHash and k.revoked_at is null and k.expires_at > now()`;

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly em: EntityManager) {}

  async authenticate(tokenHash: string, targetId: string | null): Promise<AuthenticatedKeyRow | null> {
    const [row] = await preparedQuery<AuthenticatedKeyRow>(this.em, AUTHENTICATE_SQL, { tokenHash, targetId });
    return row ?? null;
  }

  /** Records a use unless one was recorded within the last minute (so a busy key writes once a minute, not per request). */
  async recordUse(keyId: string, ip: string): Promise<void> {
    await preparedQuery(
      this.em,
      `update api_key set last_used_at = now(), last_used_ip = :ip
        where id = :keyId and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
      { keyId, ip },
    );
  }

  /** Up to limit+1 of the organization's keys not revoked, in creation order (for `toPage`). */
  page(organizationId: OrganizationId, limit: number, cursor?: string): Promise<ApiKeyRow[]> {
    return pageInCreationOrder<ApiKeyRow>(this.em, {
      table: 'api_key',
      columns: ['id', 'name', 'prefix', 'scopes', 'expires_at', 'last_used_at', 'last_used_ip', 'created_by_id', 'created_by_email'],
      condition: 'revoked_at is null',
      organizationId,
      limit,
      cursor,
    });
  }
}
