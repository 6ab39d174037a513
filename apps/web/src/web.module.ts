import { Module, type DynamicModule } from '@nestjs/common';
import { HealthModule, loggingModule } from '@app/observability';
import type { WebConfig } from './web.config';

/** The web front end's server: logging and health only; the SPA and the proxy are plain middleware. */
@Module({})
export class WebModule {
  static forRoot(config: WebConfig): DynamicModule {
    return { module: WebModule, imports: [loggingModule('web', config.LOG_LEVEL), HealthModule] };
  }
}
