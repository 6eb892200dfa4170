import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { RedisClient } from '../../redis/redis.module';

/** The per-caller request limit's configuration and its Redis counters; RequestRateLimitGuard applies it. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RedisClient],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: [{ limit: config.auth.rateLimit.requests, ttl: config.auth.rateLimit.windowSeconds * 1000 }],
        storage: new ThrottlerStorageRedisService(redis),
      }),
    }),
  ],
})
export class RateLimitModule {}
