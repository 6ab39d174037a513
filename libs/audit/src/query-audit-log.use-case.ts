import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/errors';
import type { AuditPageDto, AuditQueryDto } from './audit.dto';
import { AuditRepository } from './audit.repository';

const DEFAULT_LIMIT = 100;

/** A page of this service's audit log, newest first. */
@Injectable()
export class QueryAuditLogUseCase {
  constructor(private readonly repository: AuditRepository) {}

  async execute(query: AuditQueryDto): Promise<AuditPageDto> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) {
      throw new DomainError(
        'AUDIT.INVALID_RANGE',
        'invalid',
        '起始时间必须早于截止时间',
        'from must be before to',
      );
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.repository.find({ from, to, actor: query.actor, before: query.before, limit });
    return {
      entries: rows.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        service: r.service,
        action: r.action,
        actorUsername: r.actorUsername,
        actorRole: r.actorRole,
        actorAgency: r.actorAgency,
        actorUnitId: r.actorUnitId,
        method: r.method,
        route: r.route,
        targetType: r.targetType,
        targetId: r.targetId,
        status: r.status,
        correlationId: r.correlationId,
        clientAddress: r.clientAddress,
      })),
      nextBefore: rows.length === limit ? (rows[rows.length - 1]?.id ?? null) : null,
    };
  }
}
