import { Module, type DynamicModule } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ThrottlerModule } from '@nestjs/throttler';
import { platformModules } from '@app/runtime';
import { BatchController } from './batch/batch.controller';
import { ImportBatchUseCase } from './batch/import-batch.use-case';
import { HotlineSignatureGuard } from './hotline/hotline-signature.guard';
import { HotlineController } from './hotline/hotline.controller';
import { IntakeConfig, sizeInBytes } from './intake.config';
import { Open311KeyGuard } from './open311/open311-key.guard';
import { Open311Controller } from './open311/open311.controller';
import { QueryServiceRequestsUseCase } from './open311/query-service-requests.use-case';
import { SubmitServiceRequestUseCase } from './open311/submit-service-request.use-case';
import { DownstreamEventsHandler } from './progress/downstream-events.handler';
import { RecordProgressUseCase } from './progress/record-progress.use-case';
import { ItemsController } from './items/items.controller';
import { PortalController } from './items/portal.controller';
import { SubmitItemUseCase } from './items/submit-item.use-case';
import { intakeMigrations } from './persistence/migrations';
import { ItemWriter } from './persistence/item-writer';
import { ItemsRepository } from './persistence/items.repository';

@Module({})
export class IntakeModule {
  static register(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ...platformModules(config, {
          service: 'intake',
          schema: config.DB_SCHEMA,
          entities: [],
          migrations: intakeMigrations,
          consumerGroup: 'intake',
          // Accepting items must not wait for the progress consumer to (re)join its group.
          consumerGatesReadiness: false,
        }),
        // Batch files uploaded from a form: in memory, one file, as large as a raw batch body may be.
        MulterModule.register({
          limits: { fileSize: sizeInBytes(config.BATCH_BODY_LIMIT), files: 1, fields: 10, parts: 20 },
        }),
        // Applied only where a controller uses ThrottlerGuard (the public web form).
        ThrottlerModule.forRoot([
          { name: 'default', ttl: config.PORTAL_RATE_WINDOW_S * 1000, limit: config.PORTAL_RATE_LIMIT },
        ]),
      ],
      controllers: [
        ItemsController,
        PortalController,
        HotlineController,
        BatchController,
        Open311Controller,
        DownstreamEventsHandler,
      ],
      providers: [
        { provide: IntakeConfig, useValue: config },
        ItemsRepository,
        ItemWriter,
        SubmitItemUseCase,
        HotlineSignatureGuard,
        ImportBatchUseCase,
        Open311KeyGuard,
        SubmitServiceRequestUseCase,
        QueryServiceRequestsUseCase,
        RecordProgressUseCase,
      ],
    };
  }
}
