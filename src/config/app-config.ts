import { createHmac } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Type, plainToInstance } from 'class-transformer';
import ipaddr from 'ipaddr.js';
import { checkIban, normalizeIban } from '../common/iban';
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
  ValidateBy,
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

  /** Address the HTTP server binds; the default takes every IPv4 interface (as a container needs). */
  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @IsString({ message: 'JWT_SECRET is required when NODE_ENV=production' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string = undefined;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(3600)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  REFRESH_REUSE_GRACE_SECONDS = 10;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

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

  /** Days after issue an invoice is payable (its due date). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  PAYMENT_TERMS_DAYS = 14;

  @IsIn(['on', 'off'])
  WORKERS = 'on';

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  QUEUE_STALLED_INTERVAL_MS = 30_000;

  /** Seconds between a mail's attempts, one per retry; the default spans about 32 hours. */
  @Matches(/^\d+(,\d+)*$/, { message: 'MAIL_RETRY_SCHEDULE_SECONDS must be a comma-separated list of seconds, e.g. 30,120,600' })
  MAIL_RETRY_SCHEDULE_SECONDS = '30,120,600,1800,3600,7200,14400,28800,28800,28800';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_CLAIM_LEASE_SECONDS = 300;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  SWEEP_INTERVAL_SECONDS = 30;

  /** Worker threads a worker process renders PDFs on; 0 renders on the main thread. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(64)
  PDF_RENDER_THREADS = availableParallelism();

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

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_REQUESTS = 600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Seconds between a webhook delivery's attempts, one per retry; the default spans about 27.5 hours (Standard Webhooks' schedule). */
  @Matches(/^\d+(,\d+)*$/, { message: 'WEBHOOK_RETRY_SCHEDULE_SECONDS must be a comma-separated list of seconds, e.g. 5,300,1800' })
  WEBHOOK_RETRY_SCHEDULE_SECONDS = '5,300,1800,7200,18000,36000,36000';

  /** How long one attempt may take, connecting and answering included. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  WEBHOOK_TIMEOUT_SECONDS = 10;

  /** An endpoint failing (no success) this long is disabled and its organization's admins are mailed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  WEBHOOK_DISABLE_AFTER_DAYS = 5;

  /** After a secret rotation, deliveries are signed with the old secret too for this long. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(720)
  WEBHOOK_SECRET_OVERLAP_HOURS = 24;

  /** Plain http webhook targets (development only: receivers are otherwise reached over https). */
  @IsIn(['true', 'false'], { message: 'WEBHOOK_ALLOW_HTTP must be true or false' })
  WEBHOOK_ALLOW_HTTP = 'false';

  /** Networks webhook targets may be in although not public (CIDRs, comma-separated), e.g. 127.0.0.0/8 for a receiver on the same host. */
  @IsOptional()
  @ValidateBy({
    name: 'isCidrList',
    validator: {
      validate: (value) => typeof value === 'string' && value.split(',').every((cidr) => ipaddr.isValidCIDR(cidr.trim())),
      defaultMessage: () => 'WEBHOOK_ALLOWED_NETWORKS must be CIDRs separated by commas, e.g. 127.0.0.0/8,::1/128',
    },
  })
  WEBHOOK_ALLOWED_NETWORKS?: string = undefined;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'ADMIN_SESSION_SECRET must be at least 32 characters' })
  ADMIN_SESSION_SECRET?: string = undefined;

  @IsIn(['auto', 'true', 'false'], { message: 'ADMIN_COOKIE_SECURE must be auto, true or false' })
  ADMIN_COOKIE_SECURE = 'auto';

  @Type(() => Number)
  @IsInt()
  @Min(300)
  ADMIN_SESSION_TTL_SECONDS = 8 * 3600;

  /** Where reports of mails that failed for good go (comma-separated); VENDOR_SUPPORT_EMAIL when unset. */
  @IsOptional()
  @Matches(/^[^\s,@]+@[^\s,@]+(\s*,\s*[^\s,@]+@[^\s,@]+)*$/, { message: 'STAFF_ALERT_EMAIL must be one e-mail address or a comma-separated list' })
  STAFF_ALERT_EMAIL?: string = undefined;

  @IsString()
  VENDOR_NAME = 'partnerhub GmbH';

  @IsEmail()
  VENDOR_SUPPORT_EMAIL = 'support@partnerhub.local';

  @IsString()
  VENDOR_SUPPORT_PHONE = '+49 30 0000000';

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'VENDOR_SUPPORT_WEBSITE must be an http(s) URL' })
  VENDOR_SUPPORT_WEBSITE?: string = undefined;

  @IsOptional()
  @IsString()
  VENDOR_SUPPORT_HOURS?: string = undefined;

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
  VENDOR_VAT_ID?: string = undefined;

  /** The seller's tax number (Steuernummer), printed on invoices when there is no VAT ID. */
  @IsOptional()
  @IsString()
  VENDOR_TAX_NUMBER?: string = undefined;

  /** The seller's account that invoices without a direct debit or card are paid to (a valid test IBAN by default). */
  @ValidateBy({ name: 'isIban', validator: { validate: (value) => typeof value === 'string' && checkIban(value).valid, defaultMessage: () => 'VENDOR_IBAN must be a valid IBAN' } })
  VENDOR_IBAN = 'DE02120300000000202051';

  @IsOptional()
  @Matches(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { message: 'VENDOR_BIC must be a BIC of 8 or 11 characters' })
  VENDOR_BIC?: string = undefined;

  @IsOptional()
  @IsString()
  VENDOR_BANK_NAME?: string = undefined;

  /** The seller's SEPA creditor identifier (Gläubiger-ID), printed with the mandate on invoices paid by direct debit (the Bundesbank's test ID by default). */
  @Matches(/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/, { message: 'VENDOR_SEPA_CREDITOR_ID must be a SEPA creditor identifier such as DE98ZZZ09999999999' })
  VENDOR_SEPA_CREDITOR_ID = 'DE98ZZZ09999999999';
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  logLevel: string;
  databaseUrl: string;
  redisUrl: string;
  workersEnabled: boolean;
  /** How often workers look for jobs whose worker died (Bull's stalled-job check). */
  queueStalledIntervalMs: number;
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    /** A just-spent refresh token still rotates this long (two tabs refreshing at once); later reuse revokes its family. */
    refreshReuseGraceSeconds: number;
    loginMaxFailures: number;
    loginLockSeconds: number;
    /** Requests per window an API key or a user may make (counted in Redis, across replicas). */
    rateLimit: { requests: number; windowSeconds: number };
  };
  mail: {
    smtpUrl?: string;
    from: string;
    outboxDir: string;
    /** Delay before each retry, in ms: a mail gets retrySchedule.length + 1 attempts. */
    retryScheduleMs: number[];
    /** How long a worker's claim on a mail holds; an older claim is a worker that died. */
    claimLeaseMs: number;
    /** Who is told about mails that failed for good. */
    staffAlertRecipients: string[];
  };
  webhooks: {
    /** Delay before each retry, in ms: a delivery gets retryScheduleMs.length + 1 attempts. */
    retryScheduleMs: number[];
    timeoutMs: number;
    /** How long a worker's claim on a delivery holds: a few attempts' time limits; an older claim is a dead worker's. */
    claimLeaseMs: number;
    disableAfterMs: number;
    secretOverlapMs: number;
    allowHttp: boolean;
    /** CIDRs targets may be in although not public. */
    allowedNetworks: string[];
  };
  /** How often the sweeper looks for stuck deliveries and documents. */
  sweepIntervalMs: number;
  /** Threads a worker process renders PDFs on (0: the main thread). */
  pdfRenderThreads: number;
  trial: { days: number; licenses: number };
  vatRate: number;
  /** Days after issue an invoice is due. */
  paymentTermsDays: number;
  /** The back-office at /admin. */
  admin: {
    /** Signs the session cookie. */
    sessionSecret: string;
    /** `auto`: Secure when the request came over https (directly or per X-Forwarded-Proto from a trusted proxy). */
    cookieSecure: boolean | 'auto';
    /** Idle timeout: every request renews the session. */
    sessionTtlSeconds: number;
  };
  vendor: {
    name: string;
    supportEmail: string;
    supportPhone: string;
    supportWebsite?: string;
    supportHours?: string;
    /** The seller on invoices. */
    address: { street: string; postalCode: string; city: string; country: string };
    vatId?: string;
    taxNumber?: string;
    /** Where invoices are paid by transfer. */
    bank: { iban: string; bic?: string; name?: string };
    sepaCreditorId: string;
  };
}

export class ConfigError extends Error {}

/** Parses and validates the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    // Every variable is a field (optional ones initialized to undefined), so this lists them all.
    Object.keys(new Environment())
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = plainToInstance(Environment, present);
  const errors = validateSync(parsed, { whitelist: true });
  if (errors.length > 0) {
    const reasons = errors.map((error) => Object.values(error.constraints ?? {}).join(', ') || error.property);
    throw new ConfigError(`Invalid configuration: ${reasons.join('; ')}`);
  }
  if (parsed.NODE_ENV === 'production') {
    const missing = missingSellerDetails(present);
    if (missing.length > 0) throw new ConfigError(`Invoices need the seller's details (§14 UStG) and where they are paid: set ${missing.join(', ')}`);
  }
  return {
    env: parsed.NODE_ENV as AppConfig['env'],
    port: parsed.PORT,
    host: parsed.HOST,
    publicUrl: parsed.PUBLIC_URL.replace(/\/$/, ''),
    logLevel: parsed.LOG_LEVEL,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    workersEnabled: parsed.WORKERS === 'on',
    queueStalledIntervalMs: parsed.QUEUE_STALLED_INTERVAL_MS,
    auth: {
      jwtSecret: parsed.JWT_SECRET ?? DEV_JWT_SECRET,
      accessTtlSeconds: parsed.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: parsed.REFRESH_TOKEN_TTL_SECONDS,
      refreshReuseGraceSeconds: parsed.REFRESH_REUSE_GRACE_SECONDS,
      loginMaxFailures: parsed.LOGIN_MAX_FAILURES,
      loginLockSeconds: parsed.LOGIN_LOCK_SECONDS,
      rateLimit: { requests: parsed.RATE_LIMIT_REQUESTS, windowSeconds: parsed.RATE_LIMIT_WINDOW_SECONDS },
    },
    mail: {
      smtpUrl: parsed.SMTP_URL,
      from: parsed.MAIL_FROM,
      outboxDir: parsed.MAIL_OUTBOX_DIR,
      retryScheduleMs: parsed.MAIL_RETRY_SCHEDULE_SECONDS.split(',').map((seconds) => Number(seconds) * 1000),
      claimLeaseMs: parsed.MAIL_CLAIM_LEASE_SECONDS * 1000,
      staffAlertRecipients: (parsed.STAFF_ALERT_EMAIL ?? parsed.VENDOR_SUPPORT_EMAIL).split(',').map((address) => address.trim()),
    },
    webhooks: {
      retryScheduleMs: parsed.WEBHOOK_RETRY_SCHEDULE_SECONDS.split(',').map((seconds) => Number(seconds) * 1000),
      timeoutMs: parsed.WEBHOOK_TIMEOUT_SECONDS * 1000,
      claimLeaseMs: parsed.WEBHOOK_TIMEOUT_SECONDS * 1000 * 5,
      disableAfterMs: parsed.WEBHOOK_DISABLE_AFTER_DAYS * 86_400_000,
      secretOverlapMs: parsed.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000,
      allowHttp: parsed.WEBHOOK_ALLOW_HTTP === 'true',
      allowedNetworks: (parsed.WEBHOOK_ALLOWED_NETWORKS ?? '').split(',').map((cidr) => cidr.trim()).filter(Boolean),
    },
    sweepIntervalMs: parsed.SWEEP_INTERVAL_SECONDS * 1000,
    pdfRenderThreads: parsed.PDF_RENDER_THREADS,
    trial: { days: parsed.TRIAL_DAYS, licenses: parsed.TRIAL_LICENSES },
    vatRate: parsed.VAT_RATE,
    paymentTermsDays: parsed.PAYMENT_TERMS_DAYS,
    admin: {
      // Without a secret of its own the cookie is signed with a key derived from JWT_SECRET (itself required in production).
      sessionSecret:
        parsed.ADMIN_SESSION_SECRET ?? createHmac('sha256', parsed.JWT_SECRET ?? DEV_JWT_SECRET).update('partnerhub admin session').digest('base64url'),
      cookieSecure: parsed.ADMIN_COOKIE_SECURE === 'auto' ? 'auto' : parsed.ADMIN_COOKIE_SECURE === 'true',
      sessionTtlSeconds: parsed.ADMIN_SESSION_TTL_SECONDS,
    },
    vendor: {
      name: parsed.VENDOR_NAME,
      supportEmail: parsed.VENDOR_SUPPORT_EMAIL,
      supportPhone: parsed.VENDOR_SUPPORT_PHONE,
      supportWebsite: parsed.VENDOR_SUPPORT_WEBSITE,
      supportHours: parsed.VENDOR_SUPPORT_HOURS,
      address: { street: parsed.VENDOR_STREET, postalCode: parsed.VENDOR_POSTAL_CODE, city: parsed.VENDOR_CITY, country: parsed.VENDOR_COUNTRY },
      vatId: parsed.VENDOR_VAT_ID,
      taxNumber: parsed.VENDOR_TAX_NUMBER,
      bank: { iban: normalizeIban(parsed.VENDOR_IBAN), bic: parsed.VENDOR_BIC, name: parsed.VENDOR_BANK_NAME },
      sepaCreditorId: parsed.VENDOR_SEPA_CREDITOR_ID,
    },
  };
}

/** The seller on every invoice (§14 UStG): a production process does not start on placeholders for them. */
const SELLER_SETTINGS = ['VENDOR_NAME', 'VENDOR_STREET', 'VENDOR_POSTAL_CODE', 'VENDOR_CITY', 'VENDOR_COUNTRY', 'VENDOR_IBAN', 'VENDOR_SEPA_CREDITOR_ID'] as const;
/** The vendor's contact in mails; placeholders are allowed, with a warning. */
const CONTACT_PLACEHOLDERS = ['VENDOR_SUPPORT_EMAIL', 'VENDOR_SUPPORT_PHONE'] as const;

/** The seller settings still unset, and the VAT ID or tax number an invoice must carry. */
function missingSellerDetails(present: Record<string, unknown>): string[] {
  const missing: string[] = SELLER_SETTINGS.filter((key) => present[key] === undefined);
  if (present.VENDOR_VAT_ID === undefined && present.VENDOR_TAX_NUMBER === undefined) missing.push('VENDOR_VAT_ID or VENDOR_TAX_NUMBER');
  return missing;
}

/**
 * One line per vendor contact setting a production process still runs on placeholder data for:
 * mails show them. (The seller's details on invoices are required: without them a production
 * process does not start.)
 */
export function vendorPlaceholderWarnings(config: AppConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  if (config.env !== 'production') return [];
  const defaults = new Environment();
  return CONTACT_PLACEHOLDERS.filter((key) => !env[key]).map((key) => `${key} is not set: mails use the placeholder "${defaults[key]}"`);
}
