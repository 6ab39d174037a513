import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@app/config';

export class IntakeConfig extends ServiceConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3001;

  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/)
  DB_SCHEMA: string = 'intake';

  /** Largest request body accepted from staff and platforms; larger bodies get 413. */
  @IsString()
  @Matches(/^\d+(kb|mb)$/)
  BODY_LIMIT: string = '256kb';
}
