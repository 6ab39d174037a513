import { IsInt, Max, Min } from 'class-validator';
import { AnalyticsConfig } from './analytics/analytics.config';

export class TrackingConfig extends AnalyticsConfig {
  override PORT: number = 3003;
  override DB_SCHEMA: string = 'tracking';

  /** How often the deadline sweep looks for warnings, breaches and escalations; 0 turns it off. */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  SLA_SWEEP_MS: number = 60_000;

  /** Most open items one sweep examines. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  SLA_SWEEP_BATCH: number = 5_000;

  /** Public status look-ups per client IP per minute. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  PUBLIC_STATUS_PER_MINUTE: number = 30;
}
