import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@app/config';

/** `name:secret` pairs, comma-separated; secrets at least 16 characters. */
const KEYED_SECRETS = /^[A-Za-z0-9_.-]+:[^,:\s]{16,}(,[A-Za-z0-9_.-]+:[^,:\s]{16,})*$/;
const SIZE = /^\d+(kb|mb)$/;

export class IntakeConfig extends ServiceConfig {
  override PORT: number = 3001;
  override DB_SCHEMA: string = 'intake';

  /** Body limit of the public web form (smaller than BODY_LIMIT); larger bodies get 413. */
  @IsString()
  @Matches(SIZE, { message: 'PORTAL_BODY_LIMIT must look like 32kb' })
  PORTAL_BODY_LIMIT: string = '32kb';

  /** Web form submissions allowed per client IP per PORTAL_RATE_WINDOW_S; more get 429. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  PORTAL_RATE_LIMIT: number = 20;

  @IsInt()
  @Min(1)
  @Max(86_400)
  PORTAL_RATE_WINDOW_S: number = 60;

  /** Hotline platforms and their HMAC secrets, `12345:secret,12368:secret2`. The defaults are for development only. */
  @IsString()
  @Matches(KEYED_SECRETS, {
    message: 'HOTLINE_SECRETS must look like 12345:secret,12368:secret2 (secrets ≥ 16 characters)',
  })
  HOTLINE_SECRETS: string =
    '12345:dev-hotline-12345-secret,12368:dev-hotline-12368-secret,12309:dev-hotline-12309-secret,' +
    '12348:dev-hotline-12348-secret,110:dev-hotline-110-secret';

  /** Largest accepted clock difference of a signed hotline request, in seconds. */
  @IsInt()
  @Min(1)
  @Max(3600)
  HOTLINE_MAX_SKEW_S: number = 300;

  /** Body limit of batch uploads (CSV or JSON lines). */
  @IsString()
  @Matches(SIZE, { message: 'BATCH_BODY_LIMIT must look like 2mb' })
  BATCH_BODY_LIMIT: string = '2mb';

  @IsInt()
  @Min(1)
  @Max(100_000)
  BATCH_MAX_ROWS: number = 2000;

  /** Open311 client platforms and their api_keys, `platform:key,…`. The default is for development only. */
  @IsString()
  @Matches(KEYED_SECRETS, {
    message: 'OPEN311_API_KEYS must look like platform:key,platform2:key2 (keys ≥ 16 characters)',
  })
  OPEN311_API_KEYS: string = 'dev-open311:dev-open311-api-key-0001';
}

/** Parses `name:secret,…` (already validated by the config rules) into a map. */
export function keyedSecrets(value: string): ReadonlyMap<string, string> {
  return new Map(
    value.split(',').map((pair) => {
      const at = pair.indexOf(':');
      return [pair.slice(0, at), pair.slice(at + 1)] as const;
    }),
  );
}

/** A size such as `2mb` or `32kb` in bytes. */
export function sizeInBytes(value: string): number {
  const match = /^(\d+)(kb|mb)$/.exec(value);
  if (!match) throw new Error(`not a size: ${value}`);
  return Number(match[1]) * (match[2] === 'mb' ? 1024 * 1024 : 1024);
}
