import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import type { ReturnItemDto } from '../item-action.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** Returns a misrouted item with a reason code (退单); the router re-routes it. */
@Injectable()
export class ReturnItemUseCase {
  constructor(private readonly runner: ItemCommandRunner) {}

  execute(context: ActionContext, body: ReturnItemDto): Promise<ItemActionResultDto> {
    return this.runner.run(context, () => ({
      kind: 'return',
      reasonCode: body.reasonCode,
      ...(body.note ? { note: body.note } : {}),
    }));
  }
}
