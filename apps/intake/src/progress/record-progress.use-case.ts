import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnyEvent } from '@app/contracts';
import { claimUnprocessed } from '@app/messaging';
import { progressOf } from '../domain/item-progress';
import { ItemsRepository } from '../persistence/items.repository';

export const INTAKE_CONSUMER = 'intake';

/**
 * Keeps intake's view of each item's progress (routed to whom, open or closed) from the router's and
 * tracking's events, once per event however often Kafka delivers it.
 */
@Injectable()
export class RecordProgressUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
  ) {}

  async execute(events: readonly AnyEvent[]): Promise<void> {
    const relevant = events.flatMap((event) => {
      const update = progressOf(event);
      return update ? [{ event, update }] : [];
    });
    if (relevant.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const fresh = await claimUnprocessed(
        manager,
        INTAKE_CONSUMER,
        relevant.map((r) => r.event.eventId),
      );
      for (const { event, update } of relevant) {
        if (!fresh.delete(event.eventId)) continue;
        await this.items.recordProgress(manager, event.itemId, update, event.occurredAt);
      }
    });
  }
}
