import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type RouteStatus =
  'offered' | 'assigned' | 'queued' | 'triaged' | 'referred' | 'arbitration' | 'resolved' | 'closed';

/** The router's state of one item: where it is, who has it, and what has been tried. */
export interface ItemRoute {
  itemId: string;
  receiptNo: string;
  status: RouteStatus;
  agency: string | null;
  category: string | null;
  areaCode: string | null;
  gridId: string | null;
  unitId: string | null;
  workerId: string | null;
  round: number;
  returns: number;
  excludedUnits: string[];
  excludedAgencies: string[];
  triedWorkers: string[];
  scores: Record<string, number>;
  categories: Record<string, { id: string; label: string }>;
  preferredWorker: string | null;
  citizenKey: string | null;
  repeatOf: string | null;
  correlationId: string;
}

/** An open item of the same citizen and category: a known repeat goes where it went. */
export interface EarlierItem {
  itemId: string;
  unitId: string;
  workerId: string | null;
}

interface RouteRow {
  item_id: string;
  receipt_no: string;
  status: RouteStatus;
  agency: string | null;
  category: string | null;
  area_code: string | null;
  grid_id: string | null;
  unit_id: string | null;
  worker_id: string | null;
  round: number;
  returns: number;
  excluded_units: string[];
  excluded_agencies: string[];
  tried_workers: string[];
  scores: Record<string, number>;
  categories: Record<string, { id: string; label: string }>;
  preferred_worker: string | null;
  citizen_key: string | null;
  repeat_of: string | null;
  correlation_id: string;
}

export interface Offer {
  id: string;
  itemId: string;
  unitId: string;
  workerId: string;
}

export interface WorkerLoad {
  workerId: string;
  active: number;
  lastAssignedAt: Date | null;
}

const COLUMNS = `item_id, receipt_no, status, agency, category, area_code, grid_id, unit_id, worker_id, round, returns,
  excluded_units, excluded_agencies, tried_workers, scores, categories, preferred_worker, citizen_key, repeat_of,
  correlation_id`;

/** Item routes, offers and worker load; every method runs inside the caller's transaction. */
@Injectable()
export class ItemRoutesRepository {
  /** Inserts the route unless the item already has one (a redelivered ItemReceived under another event id). */
  async insert(manager: EntityManager, r: ItemRoute): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO item_routes (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16::jsonb, $17, $18, $19, $20)
       ON CONFLICT (item_id) DO NOTHING RETURNING item_id`,
      [
        r.itemId,
        r.receiptNo,
        r.status,
        r.agency,
        r.category,
        r.areaCode,
        r.gridId,
        r.unitId,
        r.workerId,
        r.round,
        r.returns,
        r.excludedUnits,
        r.excludedAgencies,
        r.triedWorkers,
        JSON.stringify(r.scores),
        JSON.stringify(r.categories),
        r.preferredWorker,
        r.citizenKey,
        r.repeatOf,
        r.correlationId,
      ],
    );
    return rows.length > 0;
  }

  /** The citizen's most recent open item in this category, if any (known repeat). */
  async findOpenEarlier(
    manager: EntityManager,
    citizenKey: string,
    category: string,
  ): Promise<EarlierItem | undefined> {
    const [row] = await manager.query<{ item_id: string; unit_id: string; worker_id: string | null }[]>(
      `SELECT item_id, unit_id, worker_id FROM item_routes
       WHERE citizen_key = $1 AND category = $2 AND unit_id IS NOT NULL
         AND status IN ('offered', 'assigned', 'queued')
       ORDER BY updated_at DESC LIMIT 1`,
      [citizenKey, category],
    );
    return row && { itemId: row.item_id, unitId: row.unit_id, workerId: row.worker_id };
  }

  /** The item's route, locked until the transaction ends (events of one item from several topics serialise). */
  async lock(manager: EntityManager, itemId: string): Promise<ItemRoute | undefined> {
    const [row] = await manager.query<RouteRow[]>(
      `SELECT ${COLUMNS} FROM item_routes WHERE item_id = $1 FOR UPDATE`,
      [itemId],
    );
    return row && fromRow(row);
  }

  async update(manager: EntityManager, r: ItemRoute): Promise<void> {
    await manager.query(
      `UPDATE item_routes SET status = $2, agency = $3, category = $4, unit_id = $5, worker_id = $6, round = $7,
         returns = $8, excluded_units = $9, excluded_agencies = $10, tried_workers = $11, preferred_worker = $12,
         area_code = $13, updated_at = now()
       WHERE item_id = $1`,
      [
        r.itemId,
        r.status,
        r.agency,
        r.category,
        r.unitId,
        r.workerId,
        r.round,
        r.returns,
        r.excludedUnits,
        r.excludedAgencies,
        r.triedWorkers,
        r.preferredWorker,
        r.areaCode,
      ],
    );
  }

  async insertOffer(manager: EntityManager, offer: Offer, offeredAt: Date, expiresAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO offers (id, item_id, unit_id, worker_id, status, offered_at, expires_at)
       VALUES ($1, $2, $3, $4, 'open', $5, $6)`,
      [offer.id, offer.itemId, offer.unitId, offer.workerId, offeredAt, expiresAt],
    );
  }

  /** Closes the item's open offer (if any) with a final status and returns it. */
  async closeOpenOffer(
    manager: EntityManager,
    itemId: string,
    status: 'signed' | 'rejected' | 'expired' | 'withdrawn',
  ): Promise<Offer | undefined> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows] = await manager.query<
      [{ id: string; item_id: string; unit_id: string; worker_id: string }[], number]
    >(
      `UPDATE offers SET status = $2 WHERE item_id = $1 AND status = 'open'
       RETURNING id, item_id, unit_id, worker_id`,
      [itemId, status],
    );
    const row = rows[0];
    return row && { id: row.id, itemId: row.item_id, unitId: row.unit_id, workerId: row.worker_id };
  }

  /** Items whose open offer lapsed, claimed so that another instance's sweep skips them. */
  async claimExpired(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows = await manager.query<{ item_id: string }[]>(
      `SELECT item_id FROM offers WHERE status = 'open' AND expires_at <= $1
       ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => r.item_id);
  }

  async loads(manager: EntityManager, workerIds: readonly string[]): Promise<Map<string, WorkerLoad>> {
    const rows = await manager.query<{ worker_id: string; active: number; last_assigned_at: Date | null }[]>(
      'SELECT worker_id, active, last_assigned_at FROM worker_load WHERE worker_id = ANY($1::text[])',
      [workerIds],
    );
    return new Map(
      rows.map((r) => [
        r.worker_id,
        {
          workerId: r.worker_id,
          active: r.active,
          lastAssignedAt: r.last_assigned_at && new Date(r.last_assigned_at),
        },
      ]),
    );
  }

  /** Applies a transaction's load changes in worker order, so concurrent transactions never deadlock on them. */
  async applyLoadChanges(manager: EntityManager, changes: readonly LoadChange[]): Promise<void> {
    for (const c of [...changes].sort((a, b) => a.workerId.localeCompare(b.workerId))) {
      await manager.query(
        `INSERT INTO worker_load (worker_id, active, last_assigned_at) VALUES ($1, GREATEST($2::int, 0), $3)
         ON CONFLICT (worker_id) DO UPDATE SET active = GREATEST(worker_load.active + $2::int, 0),
           last_assigned_at = COALESCE($3, worker_load.last_assigned_at)`,
        [c.workerId, c.delta, c.lastAssignedAt],
      );
    }
  }
}

export interface LoadChange {
  workerId: string;
  delta: number;
  lastAssignedAt: Date | null;
}

function fromRow(r: RouteRow): ItemRoute {
  return {
    itemId: r.item_id,
    receiptNo: r.receipt_no,
    status: r.status,
    agency: r.agency,
    category: r.category,
    areaCode: r.area_code,
    gridId: r.grid_id,
    unitId: r.unit_id,
    workerId: r.worker_id,
    round: r.round,
    returns: r.returns,
    excludedUnits: r.excluded_units,
    excludedAgencies: r.excluded_agencies,
    triedWorkers: r.tried_workers,
    scores: r.scores,
    categories: r.categories,
    preferredWorker: r.preferred_worker,
    citizenKey: r.citizen_key,
    repeatOf: r.repeat_of,
    correlationId: r.correlation_id,
  };
}
