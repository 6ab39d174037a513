import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnyEvent, ItemStatus } from '@app/contracts';
import { evolve, type ItemState } from '../domain/item-state';
import type { Deadlines } from '../domain/sla';

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
    const { actor, summary } = summaryOf(event);
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO timeline (item_id, event_id, event_type, producer, actor, occurred_at, summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (event_id) DO NOTHING RETURNING id`,
      [
        event.itemId,
        event.eventId,
        event.type,
        event.producer,
        actor,
        event.occurredAt,
        JSON.stringify(summary),
      ],
    );
    if (inserted.length === 0) return null;
    const current = await this.load(manager, event.itemId, true);
    const next = evolve(current?.state ?? null, event);
    await this.save(manager, next, deadlinesFor(next));
    return next;
  }

  /**
   * With `forUpdate`, first takes the item's transaction-scoped advisory lock: a row lock alone cannot stop
   * two transactions that both find no row yet (an item's first events arriving from two topics at once).
   */
  async load(manager: EntityManager, itemId: string, forUpdate = false): Promise<StoredItem | null> {
    if (forUpdate) await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [itemId]);
    const rows = await manager.query<ItemRow[]>(
      `SELECT state, sign_by, contact_by, resolve_by FROM items WHERE item_id = $1 AND state IS NOT NULL
       ${forUpdate ? 'FOR UPDATE' : ''}`,
      [itemId],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async save(manager: EntityManager, s: ItemState, d: Deadlines): Promise<void> {
    await manager.query(
      `INSERT INTO items (item_id, receipt_no, status, state, agency, title, channel, request_type, category,
         urgency, area_code, unit_id, assisting_unit_ids, worker_id, offer_worker_id, offer_expires_at, entered_by,
         citizen_mobile, confidential, received_at, signed_at, first_contact_at, resolved_at, closed_at, returns,
         follow_up_result, sign_by, contact_by, resolve_by, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
         $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)
       ON CONFLICT (item_id) DO UPDATE SET receipt_no = EXCLUDED.receipt_no, status = EXCLUDED.status,
         state = EXCLUDED.state, agency = EXCLUDED.agency, title = EXCLUDED.title, channel = EXCLUDED.channel,
         request_type = EXCLUDED.request_type, category = EXCLUDED.category, urgency = EXCLUDED.urgency,
         area_code = EXCLUDED.area_code, unit_id = EXCLUDED.unit_id, assisting_unit_ids = EXCLUDED.assisting_unit_ids,
         worker_id = EXCLUDED.worker_id, offer_worker_id = EXCLUDED.offer_worker_id,
         offer_expires_at = EXCLUDED.offer_expires_at, entered_by = EXCLUDED.entered_by,
         citizen_mobile = EXCLUDED.citizen_mobile, confidential = EXCLUDED.confidential,
         received_at = EXCLUDED.received_at, signed_at = EXCLUDED.signed_at,
         first_contact_at = EXCLUDED.first_contact_at, resolved_at = EXCLUDED.resolved_at,
         closed_at = EXCLUDED.closed_at, returns = EXCLUDED.returns, follow_up_result = EXCLUDED.follow_up_result,
         sign_by = EXCLUDED.sign_by, contact_by = EXCLUDED.contact_by, resolve_by = EXCLUDED.resolve_by,
         updated_at = EXCLUDED.updated_at`,
      [
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
      ],
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
