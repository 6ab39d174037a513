import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ItemReceivedV1 } from '@app/contracts';
import { ASYNC_COMMIT } from '@app/persistence';

export interface StoredItemRef {
  id: string;
  receiptNo: string;
  receivedAt: string;
}

export interface NewItemRow {
  id: string;
  receiptNo: string;
  idempotencyKey?: string;
  payload: ItemReceivedV1;
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

  async insert(manager: EntityManager, row: NewItemRow): Promise<void> {
    const p = row.payload;
    await manager.query(
      `INSERT INTO items (id, receipt_no, channel, platform, external_id, idempotency_key, request_type, title, payload, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
      [
        row.id,
        row.receiptNo,
        p.source.channel,
        p.source.platform ?? null,
        p.source.externalId ?? null,
        row.idempotencyKey ?? null,
        p.requestType,
        p.title,
        JSON.stringify(p),
        p.receivedAt,
      ],
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

  private async findOne(where: string, params: unknown[]): Promise<StoredItemRef | undefined> {
    const rows = await this.dataSource.query<{ id: string; receiptNo: string; receivedAt: Date }[]>(
      `SELECT id, receipt_no AS "receiptNo", received_at AS "receivedAt" FROM items WHERE ${where}`,
      params,
    );
    const row = rows[0];
    return row && { id: row.id, receiptNo: row.receiptNo, receivedAt: row.receivedAt.toISOString() };
  }
}
