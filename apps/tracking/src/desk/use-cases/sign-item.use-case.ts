import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** Signs for an offered or queued item (签收). */
@Injectable()
export class SignItemUseCase {
  constructor(private readonly runner: ItemCommandRunner) {}

  execute(context: ActionContext): Promise<ItemActionResultDto> {
    return this.runner.run(context, () => ({ kind: 'sign' }));
  }
}
