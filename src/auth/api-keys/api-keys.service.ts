import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { UserActor } from '../../audit/actor';
import { grantableScopes } from '../../authz/org-access.service';
import { OrgAccess } from '../../authz/permission-table';
import { notFound } from '../../common/domain-error';
import { OrganizationId } from '../../common/organization-id';
import { Page, toPage } from '../../common/pagination';
import { createdAtIso, creationKey } from '../../database/creation-order';
import { inTransaction } from '../../database/transaction';
import { Organization } from '../../tenancy/organization.entity';
import { ApiKey } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import { newApiKeyToken } from './api-key-token';
import { ApiKeyErrors } from './api-keys.errors';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, DEFAULT_API_KEY_DAYS } from './dto/api-key.dto';

const DAY_MS = 86_400_000;

/** An organization's API keys: created by its admins within their own rights, listed without secrets, revoked. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly em: EntityManager,
    private readonly apiKeys: ApiKeyRepository,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: OrganizationId, limit: number, cursor?: string): Promise<Page<ApiKeyDto>> {
    const rows = await this.apiKeys.page(organizationId, limit, cursor);
    return toPage(rows, limit, creationKey, (row) => ({
      id: row.id,
      name: row.name,
      scopes: row.scopes,
      prefix: row.prefix,
      expiresAt: new Date(row.expires_at).toISOString(),
      createdAt: createdAtIso(row),
      createdBy: { id: row.created_by_id, email: row.created_by_email },
      lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
      lastUsedIp: row.last_used_ip,
    }));
  }

  async create(creator: OrgAccess, dto: CreateApiKeyDto, actor: UserActor): Promise<CreatedApiKeyDto> {
    const grantable = grantableScopes(creator);
    const refused = dto.scopes.filter((scope) => !grantable.includes(scope));
    if (refused.length > 0) throw ApiKeyErrors.scopesBeyondCreator(refused, grantable);
    const { token, shown, hash } = newApiKeyToken();
    return inTransaction(this.em, async (em) => {
      const createdAt = new Date();
      const key = em.create(ApiKey, {
        organization: em.getReference(Organization, creator.organizationId),
        name: dto.name.trim(),
        prefix: shown,
        tokenHash: hash,
        scopes: dto.scopes,
        createdById: actor.id,
        createdByEmail: actor.email,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + (dto.expiresInDays ?? DEFAULT_API_KEY_DAYS) * DAY_MS),
      });
      await em.persist(key).flush();
      await this.audit.record({
        organizationId: creator.organizationId,
        actor,
        action: 'api-key.create',
        target: { type: 'api-key', id: key.id },
        details: { name: key.name, scopes: key.scopes, expiresAt: key.expiresAt.toISOString() },
      });
      return {
        id: key.id,
        name: key.name,
        scopes: key.scopes,
        prefix: key.prefix,
        expiresAt: key.expiresAt.toISOString(),
        createdAt: createdAt.toISOString(),
        createdBy: { id: actor.id, email: actor.email },
        lastUsedAt: null,
        lastUsedIp: null,
        key: token,
      };
    });
  }

  /** Takes effect on the next request on every replica: keys are looked up in PostgreSQL on each one. */
  async revoke(organizationId: OrganizationId, keyId: string, actor: UserActor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const revoked = await em.nativeUpdate(ApiKey, { id: keyId, organization: organizationId, revokedAt: null }, { revokedAt: new Date() });
      if (revoked === 0) throw notFound('API key');
      await this.audit.record({ organizationId, actor, action: 'api-key.revoke', target: { type: 'api-key', id: keyId } });
    });
  }
}
