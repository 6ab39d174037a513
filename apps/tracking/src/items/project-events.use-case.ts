import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnyEvent } from '@app/contracts';
import { claimUnprocessed } from '@app/messaging';
import { AnalyticsProjector } from '../analytics/analytics.projector';
import { projectEvent } from '../domain/item-projection';
import { ItemsRepository } from '../persistence/items.repository';

export const TRACKING_CONSUMER = 'tracking';

/** Records every event of a batch in items' timelines and current state, each event exactly once. */
@Injectable()
export class ProjectEventsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
    private readonly analytics: AnalyticsProjector,
  ) {}

  async execute(events: readonly AnyEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const fresh = await claimUnprocessed(
        manager,
        TRACKING_CONSUMER,
        events.map((e) => e.eventId),
      );
      await this.analytics.project(
        events.filter((e) => fresh.has(e.eventId)),
        manager,
      );
      for (const event of events) {
        if (!fresh.delete(event.eventId)) continue;
        await this.items.apply(manager, projectEvent(event));
      }
    });
  }
}
