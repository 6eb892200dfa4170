import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { OrganizationId, asOrganizationId } from '../common/organization-id';
import { OrgAccess } from './permission-table';
import { forbidden, notFound, unauthorized } from '../common/domain-error';
import { invalidUuid, isUuid } from '../common/uuid-param';
import { buildAbility } from './ability.factory';
import { AppRequest } from './caller';
import { OrgAccessService } from './org-access.service';
import { ALLOWED_WHILE_PASSWORD_CHANGE_PENDING, policyOf } from './policy.decorators';
import { AuthzErrors } from './authz.errors';

/**
 * Enforces the route's declared policy. A route without a declared policy is
 * refused (fail closed); the route-policy test keeps that from shipping.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger(PolicyGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly orgAccess: OrgAccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = policyOf(this.reflector, context);
    if (!policy) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no policy`);
      throw forbidden('This route is not available.');
    }
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<AppRequest>();
    const { user, apiKey } = request;
    if (!user && !apiKey) throw unauthorized();
    if (user) {
      const allowedPending = this.reflector.getAllAndOverride<boolean>(ALLOWED_WHILE_PASSWORD_CHANGE_PENDING, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (user.mustChangePassword && !allowedPending) {
        throw AuthzErrors.passwordChangeRequired();
      }
    }
    if (policy.kind === 'authenticated') return true;

    const organizationId = request.params[policy.orgParam];
    if (!isUuid(organizationId)) {
      throw invalidUuid(policy.orgParam);
    }
    const access = await this.accessOf(request, asOrganizationId(organizationId));
    if (!access) throw notFound('Organization');
    // People only: an API key is a credential of the organization, not a member's login.
    if (user && access.mfaRequired && !access.callerHasMfa) throw AuthzErrors.mfaRequired();
    const ability = buildAbility(access);
    request.orgAccess = access;
    request.ability = ability;
    if (!ability.can(policy.action, policy.subject)) throw apiKey ? forbidden('This API key’s scopes do not allow this here.') : forbidden();
    return true;
  }

  /** An API key's access to the route's organization came with its lookup (one query); a person's is resolved here. */
  private async accessOf(request: AppRequest, organizationId: OrganizationId): Promise<OrgAccess | null> {
    if (request.apiKey) return request.apiKey.access;
    if (request.user) return this.orgAccess.resolve(request.user.id, organizationId);
    throw unauthorized();
  }
}
