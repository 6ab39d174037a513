import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import type { RequestExtensionDto } from '../item-action.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** Asks the supervisor for more working days (延期申请). */
@Injectable()
export class RequestExtensionUseCase {
  constructor(private readonly runner: ItemCommandRunner) {}

  execute(context: ActionContext, body: RequestExtensionDto): Promise<ItemActionResultDto> {
    return this.runner.run(context, () => ({
      kind: 'request-extension',
      requestId: randomUUID(),
      extraWorkingDays: body.extraWorkingDays,
      reason: body.reason,
    }));
  }
}
