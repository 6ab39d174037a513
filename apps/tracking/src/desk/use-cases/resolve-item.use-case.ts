import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import type { ResolveItemDto } from '../item-action.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** Replies and resolves with a resolution text (答复办结); the item waits for follow-up. */
@Injectable()
export class ResolveItemUseCase {
  constructor(private readonly runner: ItemCommandRunner) {}

  execute(context: ActionContext, body: ResolveItemDto): Promise<ItemActionResultDto> {
    return this.runner.run(context, () => ({ kind: 'resolve', resolution: body.resolution }));
  }
}
