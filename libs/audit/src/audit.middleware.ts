import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { correlationIdOf } from '@app/observability';
import { AuditWriter } from './audit-writer';
import { targetIdOf, type AuditedRequest } from './audited-request';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes the audit entry when a response closes, so it carries the final status, including refusals by the
 * access guard (403 for a signed-in user without the role) and errors: every staff change, every marked
 * personal-data read. Anonymous and signed-channel requests have no staff actor and are not audited here.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly writer: AuditWriter) {}

  use(request: AuditedRequest, response: Response, next: NextFunction): void {
    const at = new Date();
    response.once('close', () => this.onClose(request, response, at));
    next();
  }

  private onClose(request: AuditedRequest, response: Response, at: Date): void {
    const staff = request.staff;
    if (!staff) return;
    const notes = request.auditNotes ?? {};
    const change = !READ_METHODS.has(request.method);
    if (!change && !notes.read) return;
    const params = Object.fromEntries(
      Object.entries((request.params ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    const route = (request.route as { path?: unknown } | undefined)?.path;
    this.writer.record({
      at,
      action: change ? 'change' : 'read',
      actorId: staff.sub,
      actorUsername: staff.username,
      actorRole: staff.role,
      actorAgency: staff.agency,
      actorUnitId: staff.unitId,
      method: request.method,
      route: typeof route === 'string' ? route : request.path,
      targetType: notes.read?.targetType ?? null,
      targetId: targetIdOf(params, notes),
      params,
      status: response.writableFinished ? response.statusCode : 499,
      correlationId: correlationIdOf(request),
      clientAddress: request.ip ?? null,
    });
  }
}
