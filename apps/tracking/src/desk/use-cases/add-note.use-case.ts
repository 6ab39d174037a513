import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ItemActionResultDto } from '../../items/item.dto';
import type { AddNoteDto } from '../item-action.dto';
import { ItemCommandRunner, type ActionContext } from '../item-command-runner';

/** Adds a progress note, internal or visible to the citizen. */
@Injectable()
export class AddNoteUseCase {
  constructor(private readonly runner: ItemCommandRunner) {}

  execute(context: ActionContext, body: AddNoteDto): Promise<ItemActionResultDto> {
    return this.runner.run(context, () => ({
      kind: 'note',
      noteId: randomUUID(),
      text: body.text,
      visibility: body.visibility,
    }));
  }
}
