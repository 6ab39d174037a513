import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import { SlaContext } from '../../sla/sla-context';
import type { FollowUpDto } from '../item-action.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/**
 * Records the follow-up call (回访) by someone other than the handler: satisfied or basically satisfied
 * closes the item; unsatisfied sends it back to the same unit and worker (重办) with a fresh resolution time.
 */
@Injectable()
export class RecordFollowUpUseCase {
  constructor(
    private readonly runner: ItemCommandRunner,
    private readonly sla: SlaContext,
  ) {}

  execute(context: ActionContext, body: FollowUpDto): Promise<ItemActionResultDto> {
    return this.runner.run(context, (item, now) => ({
      kind: 'follow-up',
      result: body.result,
      ...(body.note ? { note: body.note } : {}),
      redoDeadline: this.sla.calendar
        .addWorkingDays(now, this.sla.policyFor(item.state).resolveDays)
        .toISOString(),
    }));
  }
}
