import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnyEvent, ItemReceivedV1 } from '@app/contracts';
import { writeWithOutbox } from '@app/messaging';
import type { ProgressUpdate } from '../domain/item-progress';
import { ASYNC_COMMIT } from '@app/persistence';

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

/** Intake's storage: items, receipt counters. Raw SQL on purpose: these are the hot path. */
@Injectable()
export class ItemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Next sequence number of the day. Runs in its own short transaction so the counter row is never held,
   * committed without waiting for the WAL flush: every request updates this one row, and a synchronous
   * commit would hold its lock through an fsync, serialising intake. The item's own (synchronous) commit
   * comes later in the WAL and makes the increment durable with it; a crash can only lose increments whose
   * receipts were never issued.
   */
  async nextSequence(day: string): Promise<number> {
    const rows = await this.dataSource.query<{ last_seq: number }[]>(
      `INSERT INTO receipt_counters (day, last_seq) SELECT $1, 1 FROM ${ASYNC_COMMIT}
       ON CONFLICT (day) DO UPDATE SET last_seq = receipt_counters.last_seq + 1
       RETURNING last_seq`,
      [day],
    );
    return rows[0]!.last_seq;
  }

  /**
   * Inserts the item and appends its events to the outbox in one statement (one round trip, atomic: both or
   * neither). A unique violation (a concurrent twin) reaches the caller as the driver's error.
   */
  async insertWithEvents(row: NewItemRow, events: readonly AnyEvent[]): Promise<void> {
    const p = row.payload;
    await writeWithOutbox(
      this.dataSource,
      `INSERT INTO items (id, receipt_no, channel, platform, external_id, idempotency_key, request_hash, request_type, title, payload, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)`,
      [
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
      ],
      events,
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
   * Records what an event says of an item's progress. Events of one item can arrive out of order across
   * topics: status and notes, and the responsible agency, each only move forward in event time.
   */
  async recordProgress(
    manager: EntityManager,
    itemId: string,
    update: ProgressUpdate,
    occurredAt: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE items SET
         status = CASE WHEN $2::text IS NOT NULL AND (status_at IS NULL OR status_at <= $5) THEN $2 ELSE status END,
         status_notes = CASE WHEN $3::text IS NOT NULL AND (status_at IS NULL OR status_at <= $5) THEN $3 ELSE status_notes END,
         status_at = CASE WHEN status_at IS NULL OR status_at <= $5 THEN $5 ELSE status_at END,
         agency_responsible = CASE WHEN $4::text IS NOT NULL AND (agency_at IS NULL OR agency_at <= $5) THEN $4 ELSE agency_responsible END,
         agency_at = CASE WHEN $4::text IS NOT NULL AND (agency_at IS NULL OR agency_at <= $5) THEN $5 ELSE agency_at END
       WHERE id = $1`,
      [itemId, update.status ?? null, update.notes ?? null, update.agencyResponsible ?? null, occurredAt],
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
