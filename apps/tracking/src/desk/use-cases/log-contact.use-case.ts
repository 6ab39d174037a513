import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import type { LogContactDto } from '../item-action.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** Logs a contact with the citizen; the first one stops the first-contact clock. */
@Injectable()
export class LogContactUseCase {
  constructor(private readonly runner: ItemCommandRunner) {}

  execute(context: ActionContext, body: LogContactDto): Promise<ItemActionResultDto> {
    return this.runner.run(context, (_, now) => ({
      kind: 'contact',
      method: body.method,
      summary: body.summary,
      contactedAt: body.contactedAt ?? now.toISOString(),
    }));
  }
}
