import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { platformModules } from '@app/runtime';
import { AnalyticsModule } from './analytics/analytics.module';
import { EventsHandler } from './items/events.handler';
import { GetItemStatusUseCase } from './items/get-item-status.use-case';
import { ItemsController } from './items/items.controller';
import { ProjectEventsUseCase } from './items/project-events.use-case';
import { ItemRecord } from './persistence/item.record';
import { ItemsRepository } from './persistence/items.repository';
import { trackingMigrations } from './persistence/migrations';
import { TimelineEntryRecord } from './persistence/timeline-entry.record';
import { TrackingConfig } from './tracking.config';

const entities = [ItemRecord, TimelineEntryRecord];

@Module({})
export class TrackingModule {
  static register(config: TrackingConfig): DynamicModule {
    return {
      module: TrackingModule,
      imports: [
        ...platformModules(config, {
          service: 'tracking',
          schema: config.DB_SCHEMA,
          entities,
          migrations: trackingMigrations,
          consumerGroup: 'tracking',
        }),
        TypeOrmModule.forFeature(entities),
        AnalyticsModule.register(config),
      ],
      controllers: [ItemsController, EventsHandler],
      providers: [
        { provide: TrackingConfig, useValue: config },
        ItemsRepository,
        ProjectEventsUseCase,
        GetItemStatusUseCase,
      ],
    };
  }
}
