import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import type { RejectOfferDto } from '../item-action.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** Declines an offer; the router offers the item to the next candidate. */
@Injectable()
export class RejectOfferUseCase {
  constructor(private readonly runner: ItemCommandRunner) {}

  execute(context: ActionContext, body: RejectOfferDto): Promise<ItemActionResultDto> {
    return this.runner.run(context, () => ({ kind: 'reject-offer', reason: body.reason }));
  }
}
