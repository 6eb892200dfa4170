import { Injectable } from '@nestjs/common';
import { ApiKeyCaller, AppRequest } from '../../authz/caller';
import { apiKeyAccess } from '../../authz/org-access.service';
import { unauthorized } from '../../common/domain-error';
import { asOrganizationId } from '../../common/organization-id';
import { isUuid } from '../../common/uuid-param';
import { ApiKeyRepository } from './api-key.repository';
import { apiKeyHash, isWellFormedApiKey } from './api-key-token';
import { ApiKeyErrors } from './api-keys.errors';

/**
 * Proves a caller by an API key. Malformed, unknown, revoked and expired keys and keys of deleted
 * organizations all get the same 401, so the answer tells nothing about which it was.
 */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(private readonly apiKeys: ApiKeyRepository) {}

  /**
   * @param targetParam the route's organization parameter, when API keys may call the route; on
   *   other routes a live key gets 403 api-key-not-allowed.
   */
  async authenticate(request: AppRequest, token: string, targetParam: string | null): Promise<ApiKeyCaller> {
    if (!isWellFormedApiKey(token)) throw unauthorized();
    const targetId = targetParam ? request.params[targetParam] : undefined;
    const row = await this.apiKeys.authenticate(apiKeyHash(token), isUuid(targetId) ? targetId : null);
    if (!row) throw unauthorized();
    if (!targetParam) throw ApiKeyErrors.notForThisRoute();
    if (row.use_unrecorded) await this.apiKeys.recordUse(row.id, request.ip);
    return {
      id: row.id,
      name: row.name,
      organizationId: row.organization_id,
      access:
        row.target_kind && isUuid(targetId)
          ? apiKeyAccess(asOrganizationId(targetId), row.organization_id, { kind: row.target_kind, partner_id: row.target_partner_id }, row.scopes)
          : null,
    };
  }

  /** The key exists and is live, whatever it may do (for checks made before the guards run). */
  async isLive(token: string): Promise<boolean> {
    return isWellFormedApiKey(token) && (await this.apiKeys.authenticate(apiKeyHash(token), null)) !== null;
  }
}
