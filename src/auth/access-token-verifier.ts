import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './access-token-claims';

const BEARER = /^Bearer ([\w.-]+)$/;

/**
 * Checks a bearer access token the way passport-jwt does on every route (signature, issuer,
 * audience, expiry), for code that runs before the guards: the logo upload verifies the caller
 * before it reads a byte of the body.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  async isValidBearer(authorization: string | undefined): Promise<boolean> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) return false;
    try {
      await this.jwt.verifyAsync(token, { algorithms: ['HS256'], issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
      return true;
    } catch {
      return false;
    }
  }
}
