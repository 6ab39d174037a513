import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { platformModules } from '@app/runtime';
import { EventsHandler } from './items/events.handler';
import { GetItemStatusUseCase } from './items/get-item-status.use-case';
import { ItemsController } from './items/items.controller';
import { ProjectEventsUseCase } from './items/project-events.use-case';
import { ItemRecord } from './persistence/item.record';
import { ItemsRepository } from './persistence/items.repository';
import { trackingMigrations } from './persistence/migrations';
import { TimelineEntryRecord } from './persistence/timeline-entry.record';
import { TrackingConfig } from './tracking.config';
import { staffAuthMigrations } from './staff-auth/persistence/17643000000000-staff-auth';
import { StaffAuthModule } from './staff-auth/staff-auth.module';

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
          migrations: [...trackingMigrations, ...staffAuthMigrations],
          consumerGroup: 'tracking',
        }),
        StaffAuthModule.register(config),
        TypeOrmModule.forFeature(entities),
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
