import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnyEvent, ItemStatus } from '@app/contracts';
import { queryInChunks } from '@app/persistence';
import { evolve, type ItemState } from '../domain/item-state';
import type { Deadlines } from '../domain/sla';
import { lockItems } from './item-locks';

/** An item as stored: its state and the deadlines computed for it. */
export interface StoredItem {
  state: ItemState;
  deadlines: Deadlines;
}

/** Computes the deadlines of a state (SLA policy + working-day calendar), supplied by the caller. */
export type DeadlineFn = (state: ItemState) => Deadlines;

interface ItemRow {
  state: ItemState;
  sign_by: Date | null;
  contact_by: Date | null;
  resolve_by: Date | null;
}

interface TimelineRow {
  event_id: string;
  event_type: string;
  producer: string;
  actor: string | null;
  occurred_at: Date;
  summary: Record<string, unknown>;
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  producer: string;
  actor: string | null;
  occurredAt: Date;
  summary: Record<string, unknown>;
}

export interface QueueFilter {
  unitId?: string;
  statuses?: readonly ItemStatus[];
  workerId?: string;
  offerWorkerId?: string;
  enteredBy?: string;
  includeConfidential: boolean;
  sort: 'receivedAt' | 'resolveBy' | 'updatedAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const toIso = (d: Date | null) => (d ? d.toISOString() : null);
const fromRow = (row: ItemRow): StoredItem => ({
  state: row.state,
  deadlines: {
    signBy: toIso(row.sign_by),
    contactBy: toIso(row.contact_by),
    resolveBy: toIso(row.resolve_by),
  },
});

/** The items table's columns as `saveAll` writes them, in `itemRow`'s order. */
const ITEM_COLUMNS = [
  'item_id',
  'receipt_no',
  'status',
  'state',
  'agency',
  'title',
  'channel',
  'request_type',
  'category',
  'urgency',
  'area_code',
  'unit_id',
  'assisting_unit_ids',
  'worker_id',
  'offer_worker_id',
  'offer_expires_at',
  'entered_by',
  'citizen_mobile',
  'confidential',
  'received_at',
  'signed_at',
  'first_contact_at',
  'resolved_at',
  'closed_at',
  'returns',
  'follow_up_result',
  'sign_by',
  'contact_by',
  'resolve_by',
  'updated_at',
] as const;

function itemRow(s: ItemState, d: Deadlines): unknown[] {
  return [
    s.itemId,
    s.receiptNo,
    s.status,
    JSON.stringify(s),
    s.agency,
    s.title,
    s.channel,
    s.requestType,
    s.category,
    s.urgency,
    s.areaCode,
    s.unitId,
    s.assistingUnitIds,
    s.workerId,
    s.offer?.workerId ?? null,
    s.offer?.expiresAt ?? null,
    s.enteredBy,
    s.citizen?.mobile ?? null,
    s.confidential,
    s.receivedAt,
    s.signedAt,
    s.firstContactAt,
    s.resolvedAt,
    s.closedAt,
    s.returns,
    s.followUp?.result ?? null,
    d.signBy,
    d.contactBy,
    d.resolveBy,
    s.lastEventAt,
  ];
}

/** What the timeline shows of an event: the payload without the receipt number, and no personal data. */
function summaryOf(event: AnyEvent): { actor: string | null; summary: Record<string, unknown> } {
  if (event.type === 'ItemReceived') {
    const p = event.payload;
    return {
      actor: p.source.enteredBy ?? null,
      summary: { channel: p.source.channel, requestType: p.requestType, urgency: p.urgency },
    };
  }
  const { receiptNo: _receiptNo, ...rest } = event.payload as { receiptNo: string; by?: string };
  return { actor: rest.by ?? null, summary: rest };
}

/**
 * The tracking projection: an append-only timeline and the current state of every item. All writes take the
 * caller's EntityManager so they join its transaction (the inbox claim, the outbox append).
 */
@Injectable()
export class ItemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Applies one event: appends it to the timeline and, if it was not there yet, folds it into the item's
   * state. Returns the new state, or null for an event already applied (a redelivery, or an event this
   * service wrote itself coming back from Kafka).
   */
  async apply(manager: EntityManager, event: AnyEvent, deadlinesFor: DeadlineFn): Promise<ItemState | null> {
    const [state] = await this.applyAll(manager, [event], deadlinesFor);
    return state ?? null;
  }

  /**
   * `apply` for a batch, in a fixed number of statements whatever its size: the timeline rows in one INSERT,
   * the items' locks in one call (in item order, so batches cannot deadlock), their states in one read and one
   * upsert. Events fold in the order given; the result has one entry per event, null where it was already
   * applied (or repeated within the batch).
   */
  async applyAll(
    manager: EntityManager,
    events: readonly AnyEvent[],
    deadlinesFor: DeadlineFn,
  ): Promise<(ItemState | null)[]> {
    const fresh = await this.appendToTimeline(manager, events);
    const itemIds = [...new Set(events.filter((e) => fresh.has(e.eventId)).map((e) => e.itemId))].sort();
    if (itemIds.length === 0) return events.map(() => null);
    const current = await this.lockMany(manager, itemIds);
    const results = events.map((event) => {
      if (!fresh.delete(event.eventId)) return null;
      const next = evolve(current.get(event.itemId) ?? null, event);
      current.set(event.itemId, next);
      return next;
    });
    await this.saveAll(
      manager,
      itemIds.flatMap((id) => {
        const state = current.get(id);
        return state ? [{ state, deadlines: deadlinesFor(state) }] : [];
      }),
    );
    return results;
  }

  /** Timeline rows for the events, in their order; returns the ids of the events that were not there yet. */
  private async appendToTimeline(manager: EntityManager, events: readonly AnyEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const rows = events.map((e) => ({ e, ...summaryOf(e) }));
    const inserted = await manager.query<{ event_id: string }[]>(
      `INSERT INTO timeline (item_id, event_id, event_type, producer, actor, occurred_at, summary)
       SELECT t.item_id, t.event_id, t.event_type, t.producer, t.actor, t.occurred_at, t.summary::jsonb
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
         WITH ORDINALITY AS t(item_id, event_id, event_type, producer, actor, occurred_at, summary, n)
       ORDER BY t.n
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        rows.map((r) => r.e.itemId),
        rows.map((r) => r.e.eventId),
        rows.map((r) => r.e.type),
        rows.map((r) => r.e.producer),
        rows.map((r) => r.actor),
        rows.map((r) => r.e.occurredAt),
        rows.map((r) => JSON.stringify(r.summary)),
      ],
    );
    return new Set(inserted.map((r) => r.event_id));
  }

  /** Locks the items (see `lockItems`) and reads their states for update. */
  private async lockMany(
    manager: EntityManager,
    sortedIds: readonly string[],
  ): Promise<Map<string, ItemState>> {
    await lockItems(manager, sortedIds);
    const rows = await manager.query<ItemRow[]>(
      `SELECT state, sign_by, contact_by, resolve_by FROM items
       WHERE item_id = ANY($1::uuid[]) AND state IS NOT NULL FOR UPDATE`,
      [sortedIds],
    );
    return new Map(rows.map((r) => [r.state.itemId, r.state]));
  }

  /** With `forUpdate`, first takes the item's lock (see `lockItems`) and locks its row. */
  async load(manager: EntityManager, itemId: string, forUpdate = false): Promise<StoredItem | null> {
    if (forUpdate) await lockItems(manager, [itemId]);
    const rows = await manager.query<ItemRow[]>(
      `SELECT state, sign_by, contact_by, resolve_by FROM items WHERE item_id = $1 AND state IS NOT NULL
       ${forUpdate ? 'FOR UPDATE' : ''}`,
      [itemId],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** Upserts the items' rows (each item at most once), as many a statement as the parameter limit allows. */
  async saveAll(manager: EntityManager, items: readonly StoredItem[]): Promise<void> {
    await queryInChunks(
      manager,
      items,
      ITEM_COLUMNS,
      ({ state, deadlines }) => itemRow(state, deadlines),
      (values) =>
        `INSERT INTO items (${ITEM_COLUMNS.join(', ')}) VALUES ${values}
         ON CONFLICT (item_id) DO UPDATE SET
           ${ITEM_COLUMNS.slice(1)
             .map((c) => `${c} = EXCLUDED.${c}`)
             .join(', ')}`,
      { state: 'jsonb' },
    );
  }

  async findByReceiptNo(receiptNo: string): Promise<StoredItem | null> {
    const rows = await this.dataSource.query<ItemRow[]>(
      `SELECT state, sign_by, contact_by, resolve_by FROM items WHERE receipt_no = $1 AND state IS NOT NULL`,
      [receiptNo],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  findById(itemId: string): Promise<StoredItem | null> {
    return this.load(this.dataSource.manager, itemId);
  }

  async timelineOf(itemId: string): Promise<TimelineEntry[]> {
    const rows = await this.dataSource.query<TimelineRow[]>(
      `SELECT event_id, event_type, producer, actor, occurred_at, summary FROM timeline
       WHERE item_id = $1 ORDER BY occurred_at, id`,
      [itemId],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      type: r.event_type,
      producer: r.producer,
      actor: r.actor,
      occurredAt: r.occurred_at,
      summary: r.summary,
    }));
  }

  /** Desk lists: one page of items matching the filter, and the total. */
  async list(filter: QueueFilter): Promise<{ items: StoredItem[]; total: number }> {
    const where: string[] = ['state IS NOT NULL'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (filter.unitId) add('(unit_id = ? OR ? = ANY(assisting_unit_ids))', filter.unitId);
    if (filter.statuses?.length) add('status = ANY(?::text[])', filter.statuses);
    if (filter.workerId) add('worker_id = ?', filter.workerId);
    if (filter.offerWorkerId) add('offer_worker_id = ?', filter.offerWorkerId);
    if (filter.enteredBy) add('entered_by = ?', filter.enteredBy);
    if (!filter.includeConfidential) where.push('NOT confidential');
    const column = { receivedAt: 'received_at', resolveBy: 'resolve_by', updatedAt: 'updated_at' }[
      filter.sort
    ];
    const order = filter.order === 'asc' ? 'ASC' : 'DESC';
    const clause = where.join(' AND ');
    const rows = await this.dataSource.query<ItemRow[]>(
      `SELECT state, sign_by, contact_by, resolve_by FROM items WHERE ${clause}
       ORDER BY ${column} ${order} NULLS LAST, item_id LIMIT ${filter.limit} OFFSET ${filter.offset}`,
      params,
    );
    const count = await this.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM items WHERE ${clause}`,
      params,
    );
    return { items: rows.map(fromRow), total: Number(count[0]?.n ?? 0) };
  }

  /** Open items of one citizen's phone number, newest first (the window's duplicate warning). */
  async openByMobile(mobile: string): Promise<StoredItem[]> {
    const rows = await this.dataSource.query<ItemRow[]>(
      `SELECT state, sign_by, contact_by, resolve_by FROM items
       WHERE citizen_mobile = $1 AND state IS NOT NULL AND status NOT IN ('closed', 'referred_out')
       ORDER BY received_at DESC NULLS LAST LIMIT 50`,
      [mobile],
    );
    return rows.map(fromRow);
  }

  /** Open, running items, most urgent deadline first: what the deadline sweep examines. */
  async sweepCandidates(limit: number): Promise<StoredItem[]> {
    const rows = await this.dataSource.query<ItemRow[]>(
      `SELECT state, sign_by, contact_by, resolve_by FROM items
       WHERE state IS NOT NULL AND status NOT IN ('resolved', 'followed_up', 'closed', 'referred_out', 'suspended')
       ORDER BY LEAST(sign_by, contact_by, resolve_by) NULLS LAST LIMIT $1`,
      [limit],
    );
    return rows.map(fromRow);
  }
}
