import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccountsModule } from '../accounts/accounts.module';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { accessTokenKey } from './access-token-key';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';

@Module({
  imports: [
    AccountsModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // @nestjs/jwt passes the key on to jsonwebtoken, which takes a KeyObject; its options type says string.
        secret: accessTokenKey(config) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.accessTtlSeconds, issuer: 'partnerhub', audience: 'partnerhub-api' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, JwtStrategy, LoginThrottle],
  exports: [AuthService, LoginThrottle],
})
export class AuthModule {}
