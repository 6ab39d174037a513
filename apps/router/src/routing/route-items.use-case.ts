import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnyEvent, EventOf } from '@app/contracts';
import { appendToOutbox, claimUnprocessed } from '@app/messaging';
import { ItemRoutesRepository } from '../persistence/item-routes.repository';
import { RuleSetProvider } from '../rules/rule-set.provider';
import { Dispatcher } from './dispatcher';

export const ROUTER_CONSUMER = 'router';

/**
 * Routes newly received items: one transaction per batch records which events were processed, the
 * decisions, routes, offers and worker load (each kind in one multi-row statement, see RoutingTx), and the
 * events announcing them in the outbox. A redelivered
 * event finds its id already recorded and is skipped, so an item is routed once however often Kafka delivers
 * it, and by whichever instance of the consumer group holds its partition.
 */
@Injectable()
export class RouteItemsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetProvider,
    private readonly dispatcher: Dispatcher,
    private readonly routes: ItemRoutesRepository,
  ) {}

  async execute(events: readonly AnyEvent[]): Promise<number> {
    const received = events.filter((e): e is EventOf<'ItemReceived'> => e.type === 'ItemReceived');
    if (received.length === 0) return 0;
    const rules = await this.ruleSets.current();
    return this.dataSource.transaction(async (manager) => {
      const fresh = await claimUnprocessed(
        manager,
        ROUTER_CONSUMER,
        received.map((e) => e.eventId),
      );
      const tx = this.dispatcher.begin(manager);
      const routedBefore = await this.routes.existing(
        manager,
        received.filter((e) => fresh.has(e.eventId)).map((e) => e.itemId),
      );
      const out: AnyEvent[] = [];
      let routed = 0;
      for (const event of received) {
        // An item already routed (a redelivered ItemReceived under another event id) is not routed again.
        if (!fresh.delete(event.eventId) || routedBefore.has(event.itemId)) continue;
        const emitted = await this.dispatcher.routeNew(tx, event, rules, this.ruleSets.scoring);
        if (emitted.length > 0) routed += 1;
        out.push(...emitted);
      }
      await tx.flush();
      await appendToOutbox(manager, out);
      return routed;
    });
  }
}
