import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createEvent, type AnyEvent, type EventOf } from '@app/contracts';
import { appendToOutbox, claimUnprocessed } from '@app/messaging';
import { decideRoute } from '../domain/route-decision';
import { RouteDecisionsRepository, type DecisionRow } from '../persistence/route-decisions.repository';

export const ROUTER_CONSUMER = 'router';

/**
 * Routes newly received items: one transaction per batch records which events were processed, the
 * decisions, and the ItemRouted events in the outbox. A redelivered event finds its id already recorded
 * and is skipped, so an item is routed once however often Kafka delivers it.
 */
@Injectable()
export class RouteItemsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly decisions: RouteDecisionsRepository,
  ) {}

  async execute(events: readonly AnyEvent[]): Promise<number> {
    const received = events.filter((e): e is EventOf<'ItemReceived'> => e.type === 'ItemReceived');
    if (received.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      const fresh = await claimUnprocessed(
        manager,
        ROUTER_CONSUMER,
        received.map((e) => e.eventId),
      );
      const rows: DecisionRow[] = [];
      const out: AnyEvent[] = [];
      for (const event of received) {
        if (!fresh.delete(event.eventId)) continue;
        const p = event.payload;
        const decision = decideRoute({
          title: p.title,
          description: p.description,
          platform: p.source.platform,
        });
        const id = randomUUID();
        rows.push({ id, itemId: event.itemId, receiptNo: p.receiptNo, ...decision });
        out.push(
          createEvent(
            'ItemRouted',
            event.itemId,
            {
              receiptNo: p.receiptNo,
              agency: decision.agency,
              assisting: [],
              round: 1,
              confidence: decision.confidence,
              outOfScope: decision.agency === 'out_of_scope',
              decisionId: id,
              ruleSetVersion: decision.ruleSetVersion,
              reason: decision.reason,
            },
            { correlationId: event.correlationId, causationId: event.eventId },
          ),
        );
      }
      await this.decisions.insertMany(manager, rows);
      await appendToOutbox(manager, out);
      return rows.length;
    });
  }
}
