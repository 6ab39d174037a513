import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReturnReasonLabels, type AnyEvent, type EventMeta } from '@app/contracts';
import { appendToOutbox, claimUnprocessed } from '@app/messaging';
import { ItemRoutesRepository, type ItemRoute } from '../persistence/item-routes.repository';
import { RuleSetProvider } from '../rules/rule-set.provider';
import { Dispatcher } from './dispatcher';
import type { RoutingTx } from './routing-tx';
import { ROUTER_CONSUMER } from './route-items.use-case';

/** Tracking events that change assignments or load; the rest (notes, deadlines…) are not the router's business. */
const RELEVANT = new Set<string>([
  'ItemSigned',
  'OfferRejected',
  'ItemReassigned',
  'ItemResolved',
  'ItemClosed',
  'ItemReturned',
]);

const ON_A_DESK = new Set<ItemRoute['status']>(['offered', 'assigned']);

/**
 * Keeps the router's view of assignments and worker load in step with what staff do in tracking: signing,
 * rejecting an offer (→ next candidate), reassigning, resolving, closing, and returning (→ re-route or
 * arbitration). Same transaction discipline as routing: processed ids, state and outbox commit together.
 */
@Injectable()
export class ApplyTrackingEventsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly routes: ItemRoutesRepository,
    private readonly dispatcher: Dispatcher,
    private readonly ruleSets: RuleSetProvider,
  ) {}

  async execute(events: readonly AnyEvent[]): Promise<void> {
    const relevant = events.filter((e) => RELEVANT.has(e.type));
    if (relevant.length === 0) return;
    const ruleSetVersion = (await this.ruleSets.current()).version;
    await this.dataSource.transaction(async (manager) => {
      const fresh = await claimUnprocessed(
        manager,
        ROUTER_CONSUMER,
        relevant.map((e) => e.eventId),
      );
      const tx = this.dispatcher.begin(manager);
      const out: AnyEvent[] = [];
      for (const event of relevant) {
        if (!fresh.delete(event.eventId)) continue;
        out.push(...(await this.apply(tx, event, ruleSetVersion)));
      }
      await tx.flush();
      await appendToOutbox(manager, out);
    });
  }

  private async apply(tx: RoutingTx, event: AnyEvent, ruleSetVersion: string): Promise<AnyEvent[]> {
    const { manager, ledger } = tx;
    const route = await this.routes.lock(manager, event.itemId);
    if (!route) return [];
    const meta: EventMeta = { correlationId: event.correlationId, causationId: event.eventId };
    switch (event.type) {
      case 'ItemSigned': {
        const offer = await tx.closeOpenOffer(route.itemId, 'signed');
        const holder = offer?.workerId ?? (ON_A_DESK.has(route.status) ? route.workerId : null);
        if (holder !== event.payload.workerId) {
          if (holder) ledger.remove(holder);
          ledger.add(event.payload.workerId, new Date(event.occurredAt));
        }
        route.status = 'assigned';
        route.workerId = event.payload.workerId;
        route.unitId = event.payload.unitId;
        await this.routes.update(manager, route);
        return [];
      }
      case 'OfferRejected': {
        if (route.status !== 'offered' || route.workerId !== event.payload.workerId) return [];
        const offer = await tx.closeOpenOffer(route.itemId, 'rejected');
        if (offer) ledger.remove(offer.workerId);
        return this.dispatcher.offerNext(tx, route, meta);
      }
      case 'ItemReassigned': {
        await this.takeOffDesk(tx, route);
        ledger.add(event.payload.toWorkerId, new Date(event.occurredAt));
        route.status = 'assigned';
        route.workerId = event.payload.toWorkerId;
        route.unitId = event.payload.unitId;
        await this.routes.update(manager, route);
        return [];
      }
      case 'ItemResolved':
      case 'ItemClosed': {
        await this.takeOffDesk(tx, route);
        route.status = event.type === 'ItemResolved' ? 'resolved' : 'closed';
        await this.routes.update(manager, route);
        return [];
      }
      case 'ItemReturned': {
        await this.takeOffDesk(tx, route);
        const p = event.payload;
        return this.dispatcher.reroute(
          tx,
          route,
          {
            unitId: p.unitId,
            agency: p.agency,
            notOurFunction: p.reasonCode === 'not_our_function',
            reason: ReturnReasonLabels[p.reasonCode],
          },
          ruleSetVersion,
          meta,
        );
      }
      default:
        return [];
    }
  }

  /** Withdraws any open offer and takes the item off its holder's load. */
  private async takeOffDesk(tx: RoutingTx, route: ItemRoute): Promise<void> {
    const offer = await tx.closeOpenOffer(route.itemId, 'withdrawn');
    const holder = offer?.workerId ?? (ON_A_DESK.has(route.status) ? route.workerId : null);
    if (holder) tx.ledger.remove(holder);
    route.workerId = null;
  }
}
