import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnyEvent, ItemReceivedV1 } from '@app/contracts';
import { OUTBOX_PARAMETERS_PER_EVENT, writeWithOutbox } from '@app/messaging';
import { ASYNC_COMMIT, queryInChunks, rowsPerStatement, valuesPlaceholders } from '@app/persistence';
import type { ItemProgress } from '../domain/item-progress';

export interface StoredItemRef {
  id: string;
  receiptNo: string;
  receivedAt: string;
  /** Fingerprint of the submission, kept for Idempotency-Key submissions. */
  requestHash?: string;
}

export interface NewItemRow {
  id: string;
  receiptNo: string;
  idempotencyKey?: string;
  requestHash?: string;
  payload: ItemReceivedV1;
}

/** An item to insert with the ItemReceived event that announces it. */
export interface NewItem {
  row: NewItemRow;
  event: AnyEvent;
}

export interface ItemWithProgress {
  item: ItemReceivedV1;
  status: 'open' | 'closed';
  statusNotes: string | null;
  agencyResponsible: string | null;
  updatedAt: string;
}

export interface SenderItemsFilter {
  channel: string;
  platform: string;
  receiptNos?: string[];
  category?: string;
  from: Date;
  to: Date;
  limit: number;
  status?: 'open' | 'closed';
}

const ITEM_COLUMNS = [
  'id',
  'receipt_no',
  'channel',
  'platform',
  'external_id',
  'idempotency_key',
  'request_hash',
  'request_type',
  'title',
  'payload',
  'received_at',
];

const PROGRESS_COLUMNS = ['id', 'status', 'status_notes', 'status_at', 'agency_responsible', 'agency_at'];
const PROGRESS_CASTS = {
  id: 'uuid',
  status: 'text',
  status_notes: 'text',
  status_at: 'bigint',
  agency_responsible: 'text',
  agency_at: 'bigint',
};

/**
 * A timestamptz as microseconds since the epoch, and back: exact both ways (extract answers a numeric; the
 * product with an interval is exact below 2^53 microseconds, until the year 2255).
 */
const MICROS = (sql: string) => `(extract(epoch FROM ${sql}) * 1000000)::bigint`;
const TIMESTAMP = (sql: string) => `'epoch'::timestamptz + ${sql} * interval '1 microsecond'`;
const micros = (value: string | null) => (value === null ? null : BigInt(value));

/** Intake's storage: items, receipt counters. Raw SQL on purpose: these are the hot path. */
@Injectable()
export class ItemsRepository {
  /** How many items (each with its one event) fit in one statement's bind parameters. */
  static readonly maxRowsPerStatement = rowsPerStatement(ITEM_COLUMNS.length + OUTBOX_PARAMETERS_PER_EVENT);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Hands out `count` more sequence numbers of each day in one statement: answers each day's `last_seq`
   * after the increment, so its numbers are `last_seq - count + 1 … last_seq`. Commits on its own, without
   * waiting for the WAL flush: every write updates these rows, and a synchronous commit would hold their
   * locks through an fsync, serialising intake. The items' own (synchronous) commit comes later in the WAL
   * and makes the increment durable with it; a crash can only lose increments whose receipts were never
   * issued.
   */
  async allocateSequences(counts: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    // Days in one order, so that two writers never wait for each other's rows in opposite orders.
    const days = [...counts.keys()].sort();
    const rows = await this.dataSource.query<{ day: string; last_seq: number }[]>(
      `INSERT INTO receipt_counters (day, last_seq)
       SELECT wanted.day, wanted.count FROM unnest($1::text[], $2::int[]) AS wanted(day, count), ${ASYNC_COMMIT}
       ON CONFLICT (day) DO UPDATE SET last_seq = receipt_counters.last_seq + EXCLUDED.last_seq
       RETURNING day, last_seq`,
      [days, days.map((day) => counts.get(day))],
    );
    return new Map(rows.map((r) => [r.day, r.last_seq]));
  }

  /**
   * Inserts the items and appends their events to the outbox in one statement (one round trip, atomic: all
   * or nothing). A unique violation (a twin in the table or among the items) reaches the caller as the
   * driver's error. At most `maxRowsPerStatement` items.
   */
  async insertWithEvents(items: readonly NewItem[]): Promise<void> {
    if (items.length > ItemsRepository.maxRowsPerStatement)
      throw new Error(`${items.length} items exceed one statement`);
    await writeWithOutbox(
      this.dataSource,
      `INSERT INTO items (${ITEM_COLUMNS.join(', ')})
       VALUES ${valuesPlaceholders(items.length, ITEM_COLUMNS, { casts: { payload: 'jsonb' } })}`,
      items.flatMap(({ row }) => {
        const p = row.payload;
        return [
          row.id,
          row.receiptNo,
          p.source.channel,
          p.source.platform ?? null,
          p.source.externalId ?? null,
          row.idempotencyKey ?? null,
          row.requestHash ?? null,
          p.requestType,
          p.title,
          JSON.stringify(p),
          p.receivedAt,
        ];
      }),
      items.map((item) => item.event),
    );
  }

  async findByIdempotencyKey(channel: string, key: string): Promise<StoredItemRef | undefined> {
    return this.findOne('channel = $1 AND idempotency_key = $2', [channel, key]);
  }

  async findByExternalRef(channel: string, platform: string | null, externalId: string) {
    return this.findOne('channel = $1 AND platform IS NOT DISTINCT FROM $2 AND external_id = $3', [
      channel,
      platform,
      externalId,
    ]);
  }

  /**
   * Locks the items these events are about (in id order, so that two batches never wait for each other in
   * opposite orders) and reads their progress, with each event's moment as PostgreSQL orders it (in
   * microseconds, the precision of a timestamptz). `moments` follows the order of `events`; items intake does
   * not know are absent from `current`.
   */
  async lockProgress(
    manager: EntityManager,
    events: readonly { itemId: string; occurredAt: string }[],
  ): Promise<{ current: Map<string, ItemProgress>; moments: bigint[] }> {
    const rows = await manager.query<
      {
        at: string;
        id: string | null;
        status: 'open' | 'closed';
        status_notes: string | null;
        status_at: string | null;
        agency_responsible: string | null;
        agency_at: string | null;
      }[]
    >(
      `WITH batch AS (
         SELECT item_id, at, n FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS b(item_id, at, n)
       ), locked AS MATERIALIZED (
         SELECT id, status, status_notes, status_at, agency_responsible, agency_at
           FROM items WHERE id IN (SELECT item_id FROM batch) ORDER BY id FOR UPDATE
       )
       SELECT ${MICROS('b.at::timestamptz')} AS at, l.id, l.status, l.status_notes,
              ${MICROS('l.status_at')} AS status_at, l.agency_responsible, ${MICROS('l.agency_at')} AS agency_at
         FROM batch b LEFT JOIN locked l ON l.id = b.item_id
        ORDER BY b.n`,
      [events.map((e) => e.itemId), events.map((e) => e.occurredAt)],
    );
    const current = new Map<string, ItemProgress>();
    for (const row of rows) {
      if (row.id === null) continue;
      current.set(row.id, {
        status: row.status,
        statusNotes: row.status_notes,
        statusAt: micros(row.status_at),
        agencyResponsible: row.agency_responsible,
        agencyAt: micros(row.agency_at),
      });
    }
    return { current, moments: rows.map((row) => BigInt(row.at)) };
  }

  /** Writes the items' progress (read with lockProgress in the same transaction), one statement a chunk. */
  async writeProgress(manager: EntityManager, progress: ReadonlyMap<string, ItemProgress>): Promise<void> {
    await queryInChunks(
      manager,
      [...progress],
      PROGRESS_COLUMNS,
      ([id, p]) => [
        id,
        p.status,
        p.statusNotes,
        p.statusAt?.toString() ?? null,
        p.agencyResponsible,
        p.agencyAt?.toString() ?? null,
      ],
      (values) =>
        `UPDATE items SET
           status = v.status,
           status_notes = v.status_notes,
           status_at = ${TIMESTAMP('v.status_at')},
           agency_responsible = v.agency_responsible,
           agency_at = ${TIMESTAMP('v.agency_at')}
         FROM (VALUES ${values}) AS v(${PROGRESS_COLUMNS.join(', ')})
         WHERE items.id = v.id`,
      PROGRESS_CASTS,
    );
  }

  /** Items one sender submitted, newest first, optionally narrowed to receipts, a category and a period. */
  async listBySender(filter: SenderItemsFilter): Promise<ItemWithProgress[]> {
    const rows = await this.dataSource.query<
      {
        payload: ItemReceivedV1;
        status: 'open' | 'closed';
        status_notes: string | null;
        agency_responsible: string | null;
        updated_at: Date;
      }[]
    >(
      `SELECT payload, status, status_notes, agency_responsible,
              GREATEST(received_at, status_at, agency_at) AS updated_at
         FROM items
        WHERE channel = $1 AND platform = $2
          AND ($3::text[] IS NULL OR receipt_no = ANY($3))
          AND ($4::text IS NULL OR payload->>'category' = $4)
          AND received_at >= $5 AND received_at <= $6
          AND ($8::text IS NULL OR status = $8)
        ORDER BY received_at DESC
        LIMIT $7`,
      [
        filter.channel,
        filter.platform,
        filter.receiptNos ?? null,
        filter.category ?? null,
        filter.from,
        filter.to,
        filter.limit,
        filter.status ?? null,
      ],
    );
    return rows.map((r) => ({
      item: r.payload,
      status: r.status,
      statusNotes: r.status_notes,
      agencyResponsible: r.agency_responsible,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  private async findOne(where: string, params: unknown[]): Promise<StoredItemRef | undefined> {
    const rows = await this.dataSource.query<
      { id: string; receiptNo: string; receivedAt: Date; requestHash: string | null }[]
    >(
      `SELECT id, receipt_no AS "receiptNo", received_at AS "receivedAt", request_hash AS "requestHash"
         FROM items WHERE ${where}`,
      params,
    );
    const row = rows[0];
    return (
      row && {
        id: row.id,
        receiptNo: row.receiptNo,
        receivedAt: row.receivedAt.toISOString(),
        ...(row.requestHash ? { requestHash: row.requestHash } : {}),
      }
    );
  }
}
