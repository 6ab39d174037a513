import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditMiddleware } from './audit.middleware';
import { AuditRepository } from './audit.repository';
import { AUDIT_SERVICE, AuditWriter } from './audit-writer';
import { QueryAuditLogUseCase } from './query-audit-log.use-case';

/**
 * The audit log of one service: entries for staff changes and marked personal-data reads, written after
 * each response; `GET /api/v1/audit` for the committee and administrators. Needs the service's DataSource
 * and the AuditLog migration (platformModules adds both).
 */
@Module({})
export class AuditModule implements NestModule {
  static forRoot(service: string): DynamicModule {
    return {
      module: AuditModule,
      global: true,
      controllers: [AuditController],
      providers: [
        { provide: AUDIT_SERVICE, useValue: service },
        AuditRepository,
        AuditWriter,
        AuditMiddleware,
        QueryAuditLogUseCase,
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
      ],
      exports: [AuditWriter],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
