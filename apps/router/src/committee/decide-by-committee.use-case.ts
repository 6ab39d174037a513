import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendToOutbox } from '@app/messaging';
import { DomainError } from '@app/errors';
import { ItemRoutesRepository } from '../persistence/item-routes.repository';
import { RuleSetProvider } from '../rules/rule-set.provider';
import { Dispatcher, type CommitteeDecision } from '../routing/dispatcher';
import type { CommitteeDecisionResultDto } from './committee-decision.dto';

const AWAITING = new Set(['triaged', 'arbitration']);

/** Applies the committee's decision to an item in triage or arbitration, in one transaction with its events. */
@Injectable()
export class DecideByCommitteeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly routes: ItemRoutesRepository,
    private readonly dispatcher: Dispatcher,
    private readonly ruleSets: RuleSetProvider,
  ) {}

  async execute(
    itemId: string,
    decision: CommitteeDecision,
    correlationId: string,
  ): Promise<CommitteeDecisionResultDto> {
    const ruleSetVersion = (await this.ruleSets.current()).version;
    return this.dataSource.transaction(async (manager) => {
      const route = await this.routes.lock(manager, itemId);
      if (!route) {
        throw new DomainError(
          'ROUTING.ITEM_NOT_FOUND',
          'not_found',
          '分拨记录不存在',
          'No routing record for this item',
        );
      }
      if (!AWAITING.has(route.status)) {
        throw new DomainError(
          'ROUTING.NOT_AWAITING_DECISION',
          'conflict',
          '该事项不在待分拨或仲裁状态',
          'The item is not waiting for a committee decision',
        );
      }
      const tx = this.dispatcher.begin(manager);
      const events = await this.dispatcher.decideByCommittee(tx, route, decision, ruleSetVersion, {
        correlationId,
      });
      await tx.flush();
      await appendToOutbox(manager, events);
      return { status: route.status, unitId: route.unitId, workerId: route.workerId, round: route.round };
    });
  }
}
