import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnyEvent } from '@app/contracts';
import { claimUnprocessed } from '@app/messaging';
import { foldProgress, progressOf } from '../domain/item-progress';
import { ItemsRepository } from '../persistence/items.repository';

export const INTAKE_CONSUMER = 'intake';

/**
 * Keeps intake's view of each item's progress (routed to whom, open or closed) from the router's and
 * tracking's events, once per event however often Kafka delivers it: a batch is read and written back in
 * one statement each, folded in between as if its events were applied one by one in order.
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
      // Each event once, at its first place in the batch; the batch folds in order into one write per item.
      const news = relevant.filter((r) => fresh.delete(r.event.eventId));
      if (news.length === 0) return;
      const { current, moments } = await this.items.lockProgress(
        manager,
        news.map((r) => r.event),
      );
      const updates = news.map(({ event, update }, i) => ({ itemId: event.itemId, at: moments[i]!, update }));
      await this.items.writeProgress(manager, foldProgress(current, updates));
    });
  }
}
