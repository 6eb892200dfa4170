import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccountsModule } from '../accounts/accounts.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './access-token-claims';
import { accessTokenKey } from './access-token-key';
import { BearerVerifier } from './bearer-verifier';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';
import { MailModule } from '../mail/mail.module';
import { SessionsController } from './sessions.controller';
import { MfaController } from './mfa/mfa.controller';
import { MfaService } from './mfa/mfa.service';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { PasswordResetMailContent } from './password-reset/password-reset-mail-content';
import { PasswordResetService } from './password-reset/password-reset.service';
import { RefreshTokenRepository } from './refresh-token.repository';

@Module({
  imports: [
    AccountsModule,
    MailModule,
    ApiKeysModule,
    RateLimitModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // @nestjs/jwt passes the key on to jsonwebtoken, which takes a KeyObject; its options type says string.
        secret: accessTokenKey(config) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.accessTtlSeconds, issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
      }),
    }),
  ],
  controllers: [AuthController, SessionsController, PasswordResetController, MfaController],
  providers: [AuthService, JwtStrategy, LoginThrottle, BearerVerifier, RefreshTokenRepository, PasswordResetService, PasswordResetMailContent, MfaService],
  exports: [AuthService, LoginThrottle, BearerVerifier, ApiKeysModule],
})
export class AuthModule {}
