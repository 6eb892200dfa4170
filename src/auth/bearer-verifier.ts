import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './access-token-claims';
import { ApiKeyAuthenticator } from './api-keys/api-key-authenticator';
import { looksLikeApiKey } from './api-keys/api-key-token';

const BEARER = /^Bearer ([\w.-]+)$/;

/**
 * Checks a bearer credential the way the guards do on every route, for code that runs before
 * them: the logo upload verifies the caller before it reads a byte of the body. An access token
 * is checked as passport-jwt does (signature, issuer, audience, expiry), an API key for being live.
 * What the caller may do in the organization is the guards' to decide afterwards.
 */
@Injectable()
export class BearerVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async isValidBearer(authorization: string | undefined): Promise<boolean> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) return false;
    if (looksLikeApiKey(token)) return this.apiKeys.isLive(token);
    try {
      await this.jwt.verifyAsync(token, { algorithms: ['HS256'], issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
      return true;
    } catch {
      return false;
    }
  }
}
