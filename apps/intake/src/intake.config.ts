import { ServiceConfig } from '@app/config';

export class IntakeConfig extends ServiceConfig {
  override PORT: number = 3001;
  override DB_SCHEMA: string = 'intake';
}
