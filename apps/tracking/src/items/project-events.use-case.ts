import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnyEvent } from '@app/contracts';
import { claimUnprocessed } from '@app/messaging';
import type { ItemState } from '../domain/item-state';
import { LiveUpdates } from '../live/live-updates';
import { AnalyticsProjector } from '../analytics/analytics.projector';
import { ItemsRepository } from '../persistence/items.repository';
import { SlaContext } from '../sla/sla-context';

export const TRACKING_CONSUMER = 'tracking';

/**
 * Folds every event of a batch (intake, routing or tracking topic) into the items' timelines and current
 * state, each event exactly once, in one transaction per batch.
 */
@Injectable()
export class ProjectEventsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
    private readonly sla: SlaContext,
    private readonly live: LiveUpdates,
    private readonly analytics: AnalyticsProjector,
  ) {}

  async execute(events: readonly AnyEvent[]): Promise<void> {
    if (events.length === 0) return;
    const changes: { type: string; state: ItemState }[] = [];
    await this.dataSource.transaction(async (manager) => {
      const fresh = await claimUnprocessed(
        manager,
        TRACKING_CONSUMER,
        events.map((e) => e.eventId),
      );
      // Items in a fixed order (each item's events keep theirs: the sort is stable), so two batches locking
      // the same items cannot deadlock.
      const ordered = [...events].sort((a, b) => a.itemId.localeCompare(b.itemId));
      // Analytics facts follow the same order, after the items are locked. An event twice in a batch counts once.
      const freshOrdered = ordered.filter((e) => fresh.delete(e.eventId));
      const states = await this.items.applyAll(manager, freshOrdered, this.sla.deadlinesFor);
      states.forEach((state, i) => {
        if (state) changes.push({ type: freshOrdered[i]!.type, state });
      });
      await this.analytics.project(freshOrdered, manager);
    });
    this.live.publish(changes);
  }
}
