import { IsInt, IsNumber, IsString, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@app/config';

/**
 * Settings of the figures, repeats and hot spots. Tracking's config extends this class, so they are read and
 * validated with the rest of the service's environment at start.
 */
export class AnalyticsConfig extends ServiceConfig {
  /** Weights of response / resolution / satisfaction rates in the composite score, in percent. */
  @IsInt()
  @Min(0)
  @Max(100)
  RATE_WEIGHT_RESPONSE: number = 30;

  @IsInt()
  @Min(0)
  @Max(100)
  RATE_WEIGHT_RESOLUTION: number = 35;

  @IsInt()
  @Min(0)
  @Max(100)
  RATE_WEIGHT_SATISFACTION: number = 35;

  /** Counted items a unit needs before it is ranked. */
  @IsInt()
  @Min(1)
  RATE_MIN_SAMPLE: number = 10;

  /** Same person, similarity at or above this within REPEAT_WINDOW_DAYS → a repeat (see tools/dup-eval). */
  @IsNumber()
  @Min(0.05)
  @Max(1)
  REPEAT_SIMILARITY: number = 0.25;

  @IsInt()
  @Min(1)
  @Max(3650)
  REPEAT_WINDOW_DAYS: number = 180;

  /** Many people, one area, similarity at or above this within CLUSTER_WINDOW_DAYS → a hot spot. */
  @IsNumber()
  @Min(0.05)
  @Max(1)
  CLUSTER_SIMILARITY: number = 0.35;

  @IsInt()
  @Min(1)
  @Max(365)
  CLUSTER_WINDOW_DAYS: number = 30;

  @IsInt()
  @Min(2)
  CLUSTER_MIN_PEOPLE: number = 3;

  /** Key of the HMAC that turns mobile and ID numbers into the person keys stored with the figures. */
  @IsString()
  @MinLength(32, { message: 'CITIZEN_HASH_KEY must be at least 32 characters' })
  CITIZEN_HASH_KEY: string = 'development-only-citizen-hash-key-0123456789';
}
