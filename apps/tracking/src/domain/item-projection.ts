import type { AnyEvent } from '@app/contracts';

export type ItemStatus = 'received' | 'assigned';

/** What one event changes in the item's current state, and what the timeline shows for it. */
export interface ItemChange {
  itemId: string;
  receiptNo: string;
  /** Set only by events that move the item on; facts-only events leave the status alone. */
  status?: ItemStatus;
  facts: { agency?: string; title?: string; channel?: string; requestType?: string; receivedAt?: string };
  timeline: {
    eventId: string;
    type: string;
    producer: string;
    occurredAt: string;
    summary: Record<string, unknown>;
  };
}

/**
 * Pure projection of one event. Events of one item can arrive from different topics in any order (the
 * routing event may overtake the intake event), so an event only sets the facts it owns; the repository
 * never moves the status backwards.
 */
export function projectEvent(event: AnyEvent): ItemChange {
  const base = {
    itemId: event.itemId,
    timeline: {
      eventId: event.eventId,
      type: event.type,
      producer: event.producer,
      occurredAt: event.occurredAt,
    },
  };
  switch (event.type) {
    case 'ItemReceived': {
      const p = event.payload;
      return {
        ...base,
        receiptNo: p.receiptNo,
        status: 'received',
        facts: {
          title: p.title,
          channel: p.source.channel,
          requestType: p.requestType,
          receivedAt: p.receivedAt,
        },
        timeline: { ...base.timeline, summary: { channel: p.source.channel, requestType: p.requestType } },
      };
    }
    case 'ItemRouted': {
      const p = event.payload;
      return {
        ...base,
        receiptNo: p.receiptNo,
        status: 'assigned',
        facts: { agency: p.agency },
        timeline: {
          ...base.timeline,
          summary: { agency: p.agency, confidence: p.confidence, reason: p.reason, unitId: p.unitId ?? null },
        },
      };
    }
    default:
      // Recorded on the timeline; the task-desk state machine gives these their effect.
      return {
        ...base,
        receiptNo: event.payload.receiptNo,
        facts: {},
        timeline: { ...base.timeline, summary: {} },
      };
  }
}
