import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { tap, type Observable } from 'rxjs';
import { AUDIT_READ, type AuditReadSpec } from './audit-read.decorator';
import { resultIdOf, type AuditedRequest } from './audited-request';

/**
 * Notes, for the audit entry written when the response closes (see AuditMiddleware), whether the route is
 * a marked personal-data read and which record the handler returned.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const notes = (request.auditNotes ??= {});
    notes.read = this.reflector.getAllAndOverride<AuditReadSpec | undefined>(AUDIT_READ, [
      context.getHandler(),
      context.getClass(),
    ]);
    return next.handle().pipe(
      tap((value) => {
        notes.resultId = resultIdOf(value);
      }),
    );
  }
}
