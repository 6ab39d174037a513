import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createEvent, type AnyEvent } from '@app/contracts';
import { appendToOutbox } from '@app/messaging';
import { ItemRoutesRepository } from '../persistence/item-routes.repository';
import { Clock } from './clock';
import { Dispatcher } from './dispatcher';

/**
 * The periodic sweep. Offers nobody signed for in time: announce OfferExpired and offer the item to the next
 * candidate (or the unit queue). Queued items: offer them as soon as someone eligible has room again (a worker
 * resolved something, came on duty). Rows are claimed with SKIP LOCKED, so several router instances sweep
 * without handling one item twice.
 */
@Injectable()
export class ExpireOffersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly routes: ItemRoutesRepository,
    private readonly dispatcher: Dispatcher,
    private readonly clock: Clock,
  ) {}

  async execute(limit = 100): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const itemIds = await this.routes.claimExpired(manager, now, limit);
      const tx = this.dispatcher.begin(manager);
      const out: AnyEvent[] = [];
      for (const itemId of itemIds) {
        const route = await this.routes.lock(manager, itemId);
        const offer = await tx.closeOpenOffer(itemId, 'expired');
        if (!route || !offer) continue;
        tx.ledger.remove(offer.workerId);
        const meta = { correlationId: route.correlationId };
        out.push(
          createEvent(
            'OfferExpired',
            itemId,
            { receiptNo: route.receiptNo, offerId: offer.id, workerId: offer.workerId },
            meta,
          ),
          ...(await this.dispatcher.offerNext(tx, route, meta)),
        );
      }
      for (const itemId of await this.routes.claimQueued(manager, limit)) {
        const route = await this.routes.lock(manager, itemId);
        if (!route) continue;
        out.push(
          ...(await this.dispatcher.offerNext(
            tx,
            route,
            { correlationId: route.correlationId },
            { queueIfNobody: false },
          )),
        );
      }
      await tx.flush();
      await appendToOutbox(manager, out);
      return itemIds.length;
    });
  }
}
