import { AnalyticsConfig } from './analytics/analytics.config';

export class TrackingConfig extends AnalyticsConfig {
  override PORT: number = 3003;
  override DB_SCHEMA: string = 'tracking';
}
