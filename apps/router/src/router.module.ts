import { Module, type DynamicModule } from '@nestjs/common';
import { platformModules } from '@app/runtime';
import { routerMigrations } from './persistence/migrations';
import { RouteDecisionsRepository } from './persistence/route-decisions.repository';
import { RouterConfig } from './router.config';
import { IntakeEventsHandler } from './routing/intake-events.handler';
import { RouteItemsUseCase } from './routing/route-items.use-case';

@Module({})
export class RouterModule {
  static register(config: RouterConfig): DynamicModule {
    return {
      module: RouterModule,
      imports: platformModules(config, {
        service: 'router',
        schema: config.DB_SCHEMA,
        entities: [],
        migrations: routerMigrations,
        consumerGroup: 'router',
      }),
      controllers: [IntakeEventsHandler],
      providers: [{ provide: RouterConfig, useValue: config }, RouteDecisionsRepository, RouteItemsUseCase],
    };
  }
}
