import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@app/config';

export class RouterConfig extends ServiceConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3002;

  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/)
  DB_SCHEMA: string = 'router';

  @IsString()
  @Matches(/^\d+(kb|mb)$/)
  BODY_LIMIT: string = '256kb';
}
