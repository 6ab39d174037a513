import { ServiceConfig } from '@app/config';

export class RouterConfig extends ServiceConfig {
  override PORT: number = 3002;
  override DB_SCHEMA: string = 'router';
}
