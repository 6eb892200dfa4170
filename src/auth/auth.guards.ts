import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppRequest } from '../authz/caller';
import { apiKeysMayCall, policyOf } from '../authz/policy.decorators';
import { ApiKeyAuthenticator } from './api-keys/api-key-authenticator';
import { looksLikeApiKey } from './api-keys/api-key-token';
import { unauthorized } from '../common/domain-error';
import { VerifiedAccessTokens } from './verified-access-tokens';

const BEARER = /^Bearer ([\w.-]+)$/;

/**
 * Verifies the bearer token on every route that is not @Public(): an API key (`phk_…`, looked up on
 * every request) or an access token (passport-jwt; a token once verified is remembered until it expires).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly verified = new VerifiedAccessTokens();

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = policyOf(this.reflector, context);
    if (policy?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (token && looksLikeApiKey(token)) {
      const targetParam = policy?.kind === 'org' && apiKeysMayCall(this.reflector, context, policy) ? policy.orgParam : null;
      request.apiKey = await this.apiKeys.authenticate(request, token, targetParam);
      return true;
    }
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
