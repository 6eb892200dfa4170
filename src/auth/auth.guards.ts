import { CanActivate, ExecutionContext, HttpStatus, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { isUUID } from 'class-validator';
import { buildAbility } from '../authz/ability.factory';
import { OrgAccessService } from '../authz/org-access.service';
import { POLICY_KEY, Policy } from '../authz/policy.decorators';
import { ProblemException, forbidden, notFound, unauthorized } from '../common/problem';
import { invalidUuid } from '../common/uuid-param';
import { AppRequest } from './authenticated-user';
import { VerifiedAccessTokens } from './verified-access-tokens';

const ALLOWED_WHILE_PASSWORD_CHANGE_PENDING = 'partnerhub:allow-password-change-pending';

/** Routes a user with a temporary password may still call (to see who they are and change it). */
export const AllowWhilePasswordChangePending = () => SetMetadata(ALLOWED_WHILE_PASSWORD_CHANGE_PENDING, true);

function policyOf(reflector: Reflector, context: ExecutionContext): Policy | undefined {
  return reflector.getAllAndOverride<Policy>(POLICY_KEY, [context.getHandler(), context.getClass()]);
}

const BEARER = /^Bearer ([\w.-]+)$/;

/** Verifies the bearer token on every route that is not @Public() (passport-jwt; a token once verified is remembered until it expires). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly verified = new VerifiedAccessTokens();

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (policyOf(this.reflector, context)?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const known = token ? this.verified.get(token) : undefined;
    if (known) {
      request.user = known;
      return true;
    }
    const allowed = (await super.canActivate(context)) as boolean;
    if (allowed && token && request.user) this.verified.remember(token, request.user);
    return allowed;
  }

  override handleRequest<User>(error: unknown, user: User | false): User {
    if (error || !user) throw unauthorized();
    return user;
  }
}

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
    const user = request.user;
    if (!user) throw unauthorized();
    const allowedPending = this.reflector.getAllAndOverride<boolean>(ALLOWED_WHILE_PASSWORD_CHANGE_PENDING, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (user.mustChangePassword && !allowedPending) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'password-change-required',
        'Password change required',
        'Change your temporary password with POST /api/v1/auth/password, then refresh your tokens.',
      );
    }
    if (policy.kind === 'authenticated') return true;

    const organizationId = request.params[policy.orgParam];
    if (typeof organizationId !== 'string' || !isUUID(organizationId)) {
      throw invalidUuid(policy.orgParam);
    }
    const access = await this.orgAccess.resolve(user.id, organizationId);
    if (!access) throw notFound('Organization');
    const ability = buildAbility(access);
    request.orgAccess = access;
    request.ability = ability;
    if (!ability.can(policy.action, policy.subject)) throw forbidden();
    return true;
  }
}
