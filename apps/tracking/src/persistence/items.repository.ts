import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { ItemChange } from '../domain/item-projection';
import { ItemRecord } from './item.record';
import { TimelineEntryRecord } from './timeline-entry.record';

const STATUS_RANK = `CASE $STATUS WHEN 'received' THEN 0 WHEN 'assigned' THEN 1 ELSE -1 END`;

@Injectable()
export class ItemsRepository {
  constructor(
    @InjectRepository(ItemRecord) private readonly items: Repository<ItemRecord>,
    @InjectRepository(TimelineEntryRecord) private readonly timeline: Repository<TimelineEntryRecord>,
  ) {}

  /**
   * Applies one change: the timeline entry (ignored if the event is already there), then the item row,
   * created if missing, facts filled in, status moved only forwards.
   */
  async apply(manager: EntityManager, change: ItemChange): Promise<void> {
    const t = change.timeline;
    await manager.query(
      `INSERT INTO timeline (item_id, event_id, event_type, producer, occurred_at, summary)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT (event_id) DO NOTHING`,
      [change.itemId, t.eventId, t.type, t.producer, t.occurredAt, JSON.stringify(t.summary)],
    );
    const f = change.facts;
    const rank = (expr: string) => STATUS_RANK.replace('$STATUS', expr);
    await manager.query(
      `INSERT INTO items (item_id, receipt_no, status, agency, title, channel, request_type, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (item_id) DO UPDATE SET
         status = CASE WHEN ${rank('EXCLUDED.status')} > ${rank('items.status')} THEN EXCLUDED.status ELSE items.status END,
         agency = COALESCE(EXCLUDED.agency, items.agency),
         title = COALESCE(EXCLUDED.title, items.title),
         channel = COALESCE(EXCLUDED.channel, items.channel),
         request_type = COALESCE(EXCLUDED.request_type, items.request_type),
         received_at = COALESCE(EXCLUDED.received_at, items.received_at),
         updated_at = now()`,
      [
        change.itemId,
        change.receiptNo,
        change.status ?? 'received',
        f.agency ?? null,
        f.title ?? null,
        f.channel ?? null,
        f.requestType ?? null,
        f.receivedAt ?? null,
      ],
    );
  }

  findByReceiptNo(receiptNo: string): Promise<ItemRecord | null> {
    return this.items.findOne({ where: { receiptNo } });
  }

  timelineOf(itemId: string): Promise<TimelineEntryRecord[]> {
    return this.timeline.find({ where: { itemId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
