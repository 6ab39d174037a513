import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import { SlaContext } from '../../sla/sla-context';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/**
 * Resumes a suspended item. The clock paused during the suspension: the working time that was left on the
 * resolution deadline when it was suspended counts again from now.
 */
@Injectable()
export class ResumeItemUseCase {
  constructor(
    private readonly runner: ItemCommandRunner,
    private readonly sla: SlaContext,
  ) {}

  execute(context: ActionContext): Promise<ItemActionResultDto> {
    return this.runner.run(context, (item, now) => {
      const calendar = this.sla.calendar;
      const suspendedAt = item.state.suspendedAt ? new Date(item.state.suspendedAt) : now;
      const deadline = item.deadlines.resolveBy ? new Date(item.deadlines.resolveBy) : now;
      const left = calendar.workingMinutesBetween(suspendedAt, deadline);
      return { kind: 'resume', newDeadline: calendar.addWorkingMinutes(now, left).toISOString() };
    });
  }
}
