import { Module } from '@nestjs/common';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

/** Organizations' credentials for REST clients: `phk_` keys, scoped by capability, stored hashed. */
@Module({
  controllers: [ApiKeysController],
  providers: [ApiKeysService, ApiKeyRepository, ApiKeyAuthenticator],
  exports: [ApiKeyAuthenticator],
})
export class ApiKeysModule {}
