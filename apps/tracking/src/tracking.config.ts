import { ServiceConfig } from '@app/config';

export class TrackingConfig extends ServiceConfig {
  override PORT: number = 3003;
  override DB_SCHEMA: string = 'tracking';
}
