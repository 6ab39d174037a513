import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import type { ItemStatus } from '@app/contracts';
import { WorkingStatuses } from '../domain/item-status';
import type { ItemPageDto } from '../items/item.dto';
import { toItemSummary } from '../items/item-views';
import { ItemsRepository, type QueueFilter } from '../persistence/items.repository';
import { Clock } from '../sla/clock';
import type { DeskQueryDto } from './desk-query.dto';

export type DeskList = 'offers' | 'tasks' | 'queue' | 'follow-ups';

const TASK_STATUSES: readonly ItemStatus[] = [...WorkingStatuses, 'suspended'];

/**
 * The desk's three lists, scoped on the server: my offers waiting for sign-for (with countdown), my tasks,
 * my unit's queue (lead or assisting), and resolved items waiting for follow-up. The committee and admins may
 * look at any unit's queue, or all.
 */
@Injectable()
export class ListDeskItemsUseCase {
  constructor(
    private readonly items: ItemsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: StaffPrincipal, list: DeskList, query: DeskQueryDto): Promise<ItemPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filter: QueueFilter = {
      includeConfidential: actor.role === 'committee',
      sort: query.sort ?? (list === 'queue' ? 'receivedAt' : 'resolveBy'),
      order: query.order ?? (list === 'queue' ? 'desc' : 'asc'),
      limit: pageSize,
      offset: (page - 1) * pageSize,
      ...(query.status ? { statuses: [query.status] } : {}),
    };
    switch (list) {
      case 'offers':
        filter.offerWorkerId = actor.sub;
        filter.statuses = ['offered'];
        break;
      case 'tasks':
        filter.workerId = actor.sub;
        filter.statuses = query.status ? [query.status] : TASK_STATUSES;
        break;
      case 'follow-ups':
        // Resolved items waiting for the follow-up call (回访), for clerks and the committee.
        filter.statuses = ['resolved'];
        filter.sort = query.sort ?? 'updatedAt';
        filter.order = query.order ?? 'asc';
        break;
      case 'queue': {
        const unitId = actor.role === 'committee' || actor.role === 'admin' ? query.unitId : actor.unitId;
        if (actor.role !== 'committee' && actor.role !== 'admin' && !unitId) {
          throw new DomainError(
            'DESK.NO_UNIT',
            'forbidden',
            '当前账号未归属承办单位',
            'Your account has no unit',
          );
        }
        if (unitId) filter.unitId = unitId;
        break;
      }
    }
    const { items, total } = await this.items.list(filter);
    const now = this.clock.now();
    return { items: items.map((i) => toItemSummary(i, actor, now)), total, page, pageSize };
  }
}
