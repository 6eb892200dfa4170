import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AccessTokenClaims, AuthenticatedUser } from './authenticated-user';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every request, which cost ~0.6 ms of CPU per verification.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      issuer: 'partnerhub',
      audience: 'partnerhub-api',
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthenticatedUser {
    return { id: claims.sub, email: claims.email, sessionId: claims.sid, mustChangePassword: claims.mcp };
  }
}
