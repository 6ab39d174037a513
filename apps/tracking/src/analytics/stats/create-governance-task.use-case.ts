import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { ReportsRepository } from '../persistence/reports.repository';
import type { GovernanceTaskDto, GovernanceTaskRequestDto } from './stats.dto';

/**
 * Turns a hot spot into one governance task (从解决一件事到解决一类事). Idempotent per hot spot: asking again
 * returns the existing task.
 */
@Injectable()
export class CreateGovernanceTaskUseCase {
  constructor(private readonly reports: ReportsRepository) {}

  async execute(
    clusterId: string,
    request: GovernanceTaskRequestDto,
    staff: StaffPrincipal,
  ): Promise<{ task: GovernanceTaskDto; created: boolean }> {
    const known = /^[0-9a-f-]{36}$/i.test(clusterId) && (await this.reports.hotSpotExists(clusterId));
    if (!known) {
      throw new DomainError(
        'CLUSTER.NOT_FOUND',
        'not_found',
        `未找到热点 ${clusterId}`,
        `No cluster ${clusterId}`,
      );
    }
    const members = await this.reports.hotSpotMembers(clusterId);
    const { task, created } = await this.reports.createGovernanceTask({
      id: randomUUID(),
      clusterId,
      title: request.title ?? `热点治理：${members[0]?.title ?? clusterId}`,
      note: request.note ?? null,
      unitId: request.unitId ?? null,
      itemIds: members.map((m) => m.itemId),
      createdBy: staff.username,
    });
    return { task: { ...task, createdAt: task.createdAt.toISOString() }, created };
  }
}
