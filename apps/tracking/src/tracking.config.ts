import { IsIn, IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@app/config';

export class TrackingConfig extends ServiceConfig {
  override PORT: number = 3003;
  override DB_SCHEMA: string = 'tracking';

  /** Staff sign-in: lifetime of a refresh token in seconds (each refresh rotates it). */
  @IsInt()
  @Min(300)
  @Max(30 * 86_400)
  REFRESH_TTL_S: number = 12 * 3600;

  /** Consecutive wrong passwords that lock an account, and for how many seconds. */
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES: number = 5;

  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_LOCK_S: number = 900;

  /** `dev` seeds the reference staff accounts with the development password at start; `none` for production. */
  @IsIn(['dev', 'none'])
  STAFF_SEED: 'dev' | 'none' = 'dev';
}
