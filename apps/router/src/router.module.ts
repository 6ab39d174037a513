import { Module, type DynamicModule } from '@nestjs/common';
import { platformModules } from '@app/runtime';
import { CommitteeController } from './committee/committee.controller';
import { DecideByCommitteeUseCase } from './committee/decide-by-committee.use-case';
import { ItemRoutesRepository } from './persistence/item-routes.repository';
import { routerMigrations } from './persistence/migrations';
import { RouteDecisionsRepository } from './persistence/route-decisions.repository';
import { RulesRepository } from './persistence/rules.repository';
import { PreviewController } from './preview/preview.controller';
import { PreviewRouteUseCase } from './preview/preview-route.use-case';
import { RouterConfig } from './router.config';
import { ApplyTrackingEventsUseCase } from './routing/apply-tracking-events.use-case';
import { Clock, SystemClock } from './routing/clock';
import { Dispatcher } from './routing/dispatcher';
import { ExpireOffersUseCase } from './routing/expire-offers.use-case';
import { OfferSweeper } from './routing/offer-sweeper';
import { RouteItemsUseCase } from './routing/route-items.use-case';
import { RouterEventsHandler } from './routing/router-events.handler';
import { ManageRulesUseCase } from './rules/manage-rules.use-case';
import { RuleSetProvider } from './rules/rule-set.provider';
import { RulesController } from './rules/rules.controller';

@Module({})
export class RouterModule {
  static register(config: RouterConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: RouterModule,
      imports: platformModules(config, {
        service: 'router',
        schema: config.DB_SCHEMA,
        entities: [],
        migrations: routerMigrations,
        consumerGroup: 'router',
      }),
      controllers: [RouterEventsHandler, PreviewController, RulesController, CommitteeController],
      providers: [
        { provide: RouterConfig, useValue: config },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        RulesRepository,
        RouteDecisionsRepository,
        ItemRoutesRepository,
        RuleSetProvider,
        Dispatcher,
        RouteItemsUseCase,
        ApplyTrackingEventsUseCase,
        ExpireOffersUseCase,
        OfferSweeper,
        PreviewRouteUseCase,
        ManageRulesUseCase,
        DecideByCommitteeUseCase,
      ],
    };
  }
}
