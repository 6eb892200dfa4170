import { Type, plainToInstance } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const DEV_JWT_SECRET = 'partnerhub-development-secret-do-not-use-in-production';

/** Raw environment, validated; field names are the variable names. */
class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/partnerhub';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @IsString({ message: 'JWT_SECRET is required when NODE_ENV=production' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(3600)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'partnerhub <no-reply@partnerhub.local>';

  @IsString()
  MAIL_OUTBOX_DIR = 'var/outbox';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  TRIAL_DAYS = 14;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  TRIAL_LICENSES = 2;

  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100)
  VAT_RATE = 19;

  @IsIn(['on', 'off'])
  WORKERS = 'on';

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_SECONDS = 900;

  @IsString()
  VENDOR_NAME = 'partnerhub GmbH';

  @IsEmail()
  VENDOR_SUPPORT_EMAIL = 'support@partnerhub.local';

  @IsString()
  VENDOR_SUPPORT_PHONE = '+49 30 0000000';

  @IsString()
  VENDOR_STREET = 'Musterstraße 1';

  @IsString()
  VENDOR_POSTAL_CODE = '10115';

  @IsString()
  VENDOR_CITY = 'Berlin';

  @IsString()
  VENDOR_COUNTRY = 'DE';

  @IsOptional()
  @IsString()
  VENDOR_VAT_ID?: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  publicUrl: string;
  logLevel: string;
  databaseUrl: string;
  redisUrl: string;
  workersEnabled: boolean;
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    loginMaxFailures: number;
    loginLockSeconds: number;
  };
  mail: { smtpUrl?: string; from: string; outboxDir: string };
  trial: { days: number; licenses: number };
  vatRate: number;
  vendor: {
    name: string;
    supportEmail: string;
    supportPhone: string;
    /** The seller on invoices. */
    address: { street: string; postalCode: string; city: string; country: string };
    vatId?: string;
  };
}

export class ConfigError extends Error {}

/** Parses and validates the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.keys(new Environment())
      .concat('JWT_SECRET', 'SMTP_URL', 'VENDOR_VAT_ID')
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = plainToInstance(Environment, present);
  const errors = validateSync(parsed, { whitelist: true });
  if (errors.length > 0) {
    const reasons = errors.map((error) => Object.values(error.constraints ?? {}).join(', ') || error.property);
    throw new ConfigError(`Invalid configuration: ${reasons.join('; ')}`);
  }
  return {
    env: parsed.NODE_ENV as AppConfig['env'],
    port: parsed.PORT,
    publicUrl: parsed.PUBLIC_URL.replace(/\/$/, ''),
    logLevel: parsed.LOG_LEVEL,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    workersEnabled: parsed.WORKERS === 'on',
    auth: {
      jwtSecret: parsed.JWT_SECRET ?? DEV_JWT_SECRET,
      accessTtlSeconds: parsed.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: parsed.REFRESH_TOKEN_TTL_SECONDS,
      loginMaxFailures: parsed.LOGIN_MAX_FAILURES,
      loginLockSeconds: parsed.LOGIN_LOCK_SECONDS,
    },
    mail: { smtpUrl: parsed.SMTP_URL, from: parsed.MAIL_FROM, outboxDir: parsed.MAIL_OUTBOX_DIR },
    trial: { days: parsed.TRIAL_DAYS, licenses: parsed.TRIAL_LICENSES },
    vatRate: parsed.VAT_RATE,
    vendor: {
      name: parsed.VENDOR_NAME,
      supportEmail: parsed.VENDOR_SUPPORT_EMAIL,
      supportPhone: parsed.VENDOR_SUPPORT_PHONE,
      address: { street: parsed.VENDOR_STREET, postalCode: parsed.VENDOR_POSTAL_CODE, city: parsed.VENDOR_CITY, country: parsed.VENDOR_COUNTRY },
      vatId: parsed.VENDOR_VAT_ID,
    },
  };
}
