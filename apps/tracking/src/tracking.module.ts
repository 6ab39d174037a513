import { Module, type DynamicModule } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { platformModules } from '@app/runtime';
import { PublicStatusController } from './citizens/public-status.controller';
import { PublicStatusUseCase } from './citizens/public-status.use-case';
import { DeskController } from './desk/desk.controller';
import { ItemActionsController } from './desk/item-actions.controller';
import { ItemCommandRunner } from './desk/item-command-runner';
import { ListDeskItemsUseCase } from './desk/list-desk-items.use-case';
import { AddNoteUseCase } from './desk/use-cases/add-note.use-case';
import { ApproveExtensionUseCase } from './desk/use-cases/approve-extension.use-case';
import { LogContactUseCase } from './desk/use-cases/log-contact.use-case';
import { ReassignItemUseCase } from './desk/use-cases/reassign-item.use-case';
import { RecordFollowUpUseCase } from './desk/use-cases/record-follow-up.use-case';
import { RejectOfferUseCase } from './desk/use-cases/reject-offer.use-case';
import { RequestExtensionUseCase } from './desk/use-cases/request-extension.use-case';
import { ResolveItemUseCase } from './desk/use-cases/resolve-item.use-case';
import { ResumeItemUseCase } from './desk/use-cases/resume-item.use-case';
import { ReturnItemUseCase } from './desk/use-cases/return-item.use-case';
import { SignItemUseCase } from './desk/use-cases/sign-item.use-case';
import { SuspendItemUseCase } from './desk/use-cases/suspend-item.use-case';
import { AnalyticsModule } from './analytics/analytics.module';
import { EventsHandler } from './items/events.handler';
import { GetItemStatusUseCase } from './items/get-item-status.use-case';
import { ItemsController } from './items/items.controller';
import { OpenItemsByCitizenUseCase } from './items/open-items-by-citizen.use-case';
import { ProjectEventsUseCase } from './items/project-events.use-case';
import { EventsStreamController } from './live/events-stream.controller';
import { EventsStreamUseCase } from './live/events-stream.use-case';
import { LiveUpdates } from './live/live-updates';
import { CalendarDayRecord } from './persistence/calendar-day.record';
import { ItemRecord } from './persistence/item.record';
import { ItemsRepository } from './persistence/items.repository';
import { trackingMigrations } from './persistence/migrations';
import { NotificationRecord } from './persistence/notification.record';
import { SlaPolicyRecord } from './persistence/sla-policy.record';
import { TimelineEntryRecord } from './persistence/timeline-entry.record';
import { NotificationsRepository } from './persistence/notifications.repository';
import { ListNotificationsUseCase } from './notifications/list-notifications.use-case';
import { MarkNotificationReadUseCase } from './notifications/mark-notification-read.use-case';
import { NotificationsController } from './notifications/notifications.controller';
import { CalendarController } from './sla/calendar.controller';
import { ListCalendarDaysUseCase, SetCalendarDayUseCase } from './sla/calendar-days.use-cases';
import { Clock } from './sla/clock';
import { DeadlineSweepScheduler } from './sla/deadline-sweep.scheduler';
import { DeadlineSweepUseCase } from './sla/deadline-sweep.use-case';
import { SlaPoliciesController } from './sla/sla-policies.controller';
import { ListSlaPoliciesUseCase, SetSlaPolicyUseCase } from './sla/sla-policies.use-cases';
import { SlaContext } from './sla/sla-context';
import { TrackingConfig } from './tracking.config';
import { staffAuthMigrations } from './staff-auth/persistence/17643000000000-staff-auth';
import { StaffAuthModule } from './staff-auth/staff-auth.module';

const entities = [ItemRecord, TimelineEntryRecord, NotificationRecord, SlaPolicyRecord, CalendarDayRecord];

const deskActions = [
  SignItemUseCase,
  RejectOfferUseCase,
  AddNoteUseCase,
  LogContactUseCase,
  ReturnItemUseCase,
  RequestExtensionUseCase,
  ApproveExtensionUseCase,
  ResolveItemUseCase,
  ReassignItemUseCase,
  SuspendItemUseCase,
  ResumeItemUseCase,
  RecordFollowUpUseCase,
];

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
        AnalyticsModule.register(config),
        ThrottlerModule.forRoot([
          { name: 'public-status', ttl: 60_000, limit: config.PUBLIC_STATUS_PER_MINUTE },
        ]),
      ],
      controllers: [
        ItemsController,
        DeskController,
        ItemActionsController,
        NotificationsController,
        CalendarController,
        SlaPoliciesController,
        PublicStatusController,
        EventsStreamController,
        EventsHandler,
      ],
      providers: [
        { provide: TrackingConfig, useValue: config },
        Clock,
        SlaContext,
        LiveUpdates,
        ItemsRepository,
        ProjectEventsUseCase,
        GetItemStatusUseCase,
        OpenItemsByCitizenUseCase,
        ListDeskItemsUseCase,
        ItemCommandRunner,
        ...deskActions,
        NotificationsRepository,
        ListNotificationsUseCase,
        MarkNotificationReadUseCase,
        ListCalendarDaysUseCase,
        SetCalendarDayUseCase,
        DeadlineSweepUseCase,
        DeadlineSweepScheduler,
        ListSlaPoliciesUseCase,
        SetSlaPolicyUseCase,
        PublicStatusUseCase,
        EventsStreamUseCase,
      ],
    };
  }
}
