import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import type { SuspendItemDto } from '../item-action.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** Suspends the item with approval (挂起): its clocks stop. */
@Injectable()
export class SuspendItemUseCase {
  constructor(private readonly runner: ItemCommandRunner) {}

  execute(context: ActionContext, body: SuspendItemDto): Promise<ItemActionResultDto> {
    return this.runner.run(context, () => ({ kind: 'suspend', reason: body.reason }));
  }
}
