import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { ServiceConfig } from '@app/config';

export class RouterConfig extends ServiceConfig {
  override PORT: number = 3002;
  override DB_SCHEMA: string = 'router';

  /** Below this classifier confidence an item goes to the committee's triage queue (分拨待定). */
  @IsNumber()
  @Min(0)
  @Max(1)
  ROUTER_TRIAGE_THRESHOLD: number = 0.4;

  /** How long an offered worker has to sign for an item (签收) before it goes to the next candidate. */
  @IsInt()
  @Min(5)
  @Max(7 * 24 * 3600)
  ROUTER_OFFER_TTL_S: number = 1800;

  /** How often the router looks for lapsed offers. */
  @IsInt()
  @Min(100)
  @Max(600_000)
  ROUTER_SWEEP_MS: number = 5000;

  /** Returns (退单) after which the committee arbitrates instead of another re-route. */
  @IsInt()
  @Min(1)
  @Max(10)
  ROUTER_MAX_RETURNS: number = 2;
}
