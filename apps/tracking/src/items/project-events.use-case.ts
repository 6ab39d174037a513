import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnyEvent } from '@app/contracts';
import { claimUnprocessed } from '@app/messaging';
import { projectEvent } from '../domain/item-projection';
import { ItemsRepository } from '../persistence/items.repository';

export const TRACKING_CONSUMER = 'tracking';

/** Records every event of a batch in items' timelines and current state, each event exactly once. */
@Injectable()
export class ProjectEventsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
  ) {}

  async execute(events: readonly AnyEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const fresh = await claimUnprocessed(
        manager,
        TRACKING_CONSUMER,
        events.map((e) => e.eventId),
      );
      for (const event of events) {
        if (!fresh.delete(event.eventId)) continue;
        await this.items.apply(manager, projectEvent(event));
      }
    });
  }
}
