import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '@app/auth';
import { createEvent, ItemStatusLabels, type AnyEvent } from '@app/contracts';
import { appendToOutbox } from '@app/messaging';
import { canSee } from '../domain/item-access';
import { decide, type EventDraft, type ItemCommand } from '../domain/item-commands';
import type { ItemState } from '../domain/item-state';
import type { ItemActionResultDto } from '../items/item.dto';
import { itemNotFound } from '../items/item-not-found';
import { LiveUpdates } from '../live/live-updates';
import { ItemsRepository, type StoredItem } from '../persistence/items.repository';
import { Clock } from '../sla/clock';
import { SlaContext } from '../sla/sla-context';

export interface ActionContext {
  actor: StaffPrincipal;
  itemId: string;
  correlationId: string;
}

function toEvent(itemId: string, draft: EventDraft, correlationId: string, now: Date): AnyEvent {
  return createEvent(draft.type, itemId, draft.payload as never, {
    correlationId,
    occurredAt: now,
  }) as AnyEvent;
}

/**
 * Runs one task-desk command: in one transaction it locks the item, lets the state machine decide, folds the
 * resulting events into state and timeline and appends them to the outbox, so the router and the figures
 * see exactly what the desk committed. An item outside the caller's scope is not found.
 */
@Injectable()
export class ItemCommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
    private readonly sla: SlaContext,
    private readonly clock: Clock,
    private readonly live: LiveUpdates,
  ) {}

  async run(
    context: ActionContext,
    build: (item: StoredItem, now: Date) => ItemCommand,
  ): Promise<ItemActionResultDto> {
    const now = this.clock.now();
    const changes: { type: string; state: ItemState }[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const item = await this.items.load(manager, context.itemId, true);
      if (!item || !canSee(context.actor, item.state)) throw itemNotFound(context.itemId);
      const events = decide(item.state, context.actor, build(item, now)).map((d) =>
        toEvent(context.itemId, d, context.correlationId, now),
      );
      let state = item.state;
      for (const event of events) {
        const next = await this.items.apply(manager, event, this.sla.deadlinesFor);
        if (next) {
          state = next;
          changes.push({ type: event.type, state });
        }
      }
      await appendToOutbox(manager, events);
      return {
        itemId: state.itemId,
        receiptNo: state.receiptNo,
        status: state.status,
        statusLabel: ItemStatusLabels[state.status],
        events: events.map((e) => e.type),
        resolveBy: this.sla.deadlinesFor(state).resolveBy,
      };
    });
    this.live.publish(changes);
    return result;
  }
}
