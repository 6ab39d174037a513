import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { DEFAULT_TOPIC_PARTITIONS } from '@app/contracts';

const BROKER_LIST = /^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/;

/**
 * Settings every service shares. Apps extend this class with their own variables; property names are the
 * environment variable names so an error message points straight at what to fix.
 */
export class ServiceConfig {
  /** HTTP port; each service overrides the default (intake 3001, router 3002, tracking 3003). */
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /** The service's own schema; each service overrides the default with its name. */
  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DB_SCHEMA must be a lower-case SQL identifier' })
  DB_SCHEMA: string = 'public';

  /** Largest request body accepted; larger bodies get 413. */
  @IsString()
  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 256kb or 1mb' })
  BODY_LIMIT: string = '256kb';

  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/yimen';

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  @IsString()
  @Matches(BROKER_LIST, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  /** Namespaces topics and consumer groups, e.g. per environment or per test run. */
  @IsString()
  @Matches(/^[a-z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may contain only a-z, 0-9, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX: string = '';

  /** Partitions of each topic when a service creates it; at most this many instances of a service share work. */
  @IsInt()
  @Min(1)
  @Max(256)
  KAFKA_TOPIC_PARTITIONS: number = DEFAULT_TOPIC_PARTITIONS;

  /**
   * Consumers' fetch: the broker answers once this many bytes are waiting (about 8–16 events), or after
   * KAFKA_FETCH_MAX_WAIT_MS. Waiting gathers larger batches, so fewer transactions per event; the byte bound
   * shortens the wait as the load grows. At 200 items/s on the 2-core bench machine this gave lower latencies
   * than answering at the first byte and cut the router's CPU per item by about a quarter (docs/benchmarks.md,
   * 2026-11-26 07:30).
   */
  @IsInt()
  @Min(1)
  @Max(50_000_000)
  KAFKA_FETCH_MIN_BYTES: number = 16_384;

  @IsInt()
  @Min(1)
  @Max(10_000)
  KAFKA_FETCH_MAX_WAIT_MS: number = 50;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  HOST: string = '0.0.0.0';

  /** Outbox relay: rows per Kafka batch and the polling fallback when no notification arrives. */
  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE: number = 500;

  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_MS: number = 500;

  /** HS256 key for staff access tokens, shared by all services. The default is for development only. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string = 'development-only-secret-change-me-0123456789';

  /** Lifetime of a staff access token in seconds (refresh tokens renew it). */
  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_ACCESS_TTL_S: number = 900;

  /** Browser origins allowed to call the APIs (CORS), comma-separated; `*` is refused. */
  @IsString()
  @Matches(/^https?:\/\/[^\s,/*]+(,https?:\/\/[^\s,/*]+)*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of origins such as http://localhost:3000',
  })
  CORS_ORIGINS: string = 'http://127.0.0.1:3000,http://localhost:3000';

  /**
   * Which proxies' `X-Forwarded-For` to believe for the client address (per-address throttles, audit): Express
   * "trust proxy" as `false`, a hop count, or a comma-separated list of `loopback`, `linklocal`, `uniquelocal`
   * and addresses/subnets. The default trusts only proxies on this machine (the web app's /svc proxy).
   */
  @IsString()
  @Matches(
    /^(false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?)(,(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?))*)$/,
    {
      message:
        'TRUST_PROXY must be false, a hop count, or a list of loopback, linklocal, uniquelocal and addresses',
    },
  )
  TRUST_PROXY: string = 'loopback';

  /** Staff sign-in (tracking): lifetime of a refresh token in seconds; each refresh rotates it. */
  @IsInt()
  @Min(300)
  @Max(30 * 86_400)
  JWT_REFRESH_TTL_S: number = 12 * 3600;

  /** Staff sign-in: consecutive wrong passwords that lock an account, and for how many seconds. */
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES: number = 5;

  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_LOCK_S: number = 900;

  /** `dev` seeds the reference staff accounts with the development password at start; `none` in production. */
  @IsIn(['dev', 'none'])
  STAFF_SEED: 'dev' | 'none' = 'dev';
}

export function brokerList(config: ServiceConfig): string[] {
  return config.KAFKA_BROKERS.split(',');
}
