import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppRequest } from '../authz/caller';
import { policyOf } from '../authz/policy.decorators';
import { unauthorized } from '../common/domain-error';
import { VerifiedAccessTokens } from './verified-access-tokens';

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
