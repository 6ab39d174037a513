import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import { SlaContext } from '../../sla/sla-context';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** A supervisor approves a pending extension: the resolution deadline moves by the requested working days. */
@Injectable()
export class ApproveExtensionUseCase {
  constructor(
    private readonly runner: ItemCommandRunner,
    private readonly sla: SlaContext,
  ) {}

  execute(context: ActionContext, requestId: string): Promise<ItemActionResultDto> {
    return this.runner.run(context, (item, now) => {
      const from = item.deadlines.resolveBy ? new Date(item.deadlines.resolveBy) : now;
      const days = item.state.pendingExtension?.extraWorkingDays ?? 0;
      return {
        kind: 'approve-extension',
        requestId,
        newDeadline: this.sla.calendar.addWorkingDays(from, days).toISOString(),
      };
    });
  }
}
