import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import type { ReassignItemDto } from '../item-action.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** A supervisor moves the item to another worker of the unit. */
@Injectable()
export class ReassignItemUseCase {
  constructor(private readonly runner: ItemCommandRunner) {}

  execute(context: ActionContext, body: ReassignItemDto): Promise<ItemActionResultDto> {
    return this.runner.run(context, () => ({ kind: 'reassign', toWorkerId: body.toWorkerId }));
  }
}
