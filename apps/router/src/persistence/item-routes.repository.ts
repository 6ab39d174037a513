import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryInChunks } from '@app/persistence';

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

export type OfferStatus = 'open' | 'signed' | 'rejected' | 'expired' | 'withdrawn';

/** An offer to write, made at `offeredAt` and open until `expiresAt` unless already closed with `status`. */
export interface NewOffer extends Offer {
  status: OfferStatus;
  offeredAt: Date;
  expiresAt: Date;
}

export interface WorkerLoad {
  workerId: string;
  active: number;
  lastAssignedAt: Date | null;
}

/** Column ↔ value of a route, in the table's column order; jsonb columns are written as JSON text. */
const ROUTE_FIELDS: readonly (readonly [string, (r: ItemRoute) => unknown])[] = [
  ['item_id', (r) => r.itemId],
  ['receipt_no', (r) => r.receiptNo],
  ['status', (r) => r.status],
  ['agency', (r) => r.agency],
  ['category', (r) => r.category],
  ['area_code', (r) => r.areaCode],
  ['grid_id', (r) => r.gridId],
  ['unit_id', (r) => r.unitId],
  ['worker_id', (r) => r.workerId],
  ['round', (r) => r.round],
  ['returns', (r) => r.returns],
  ['excluded_units', (r) => r.excludedUnits],
  ['excluded_agencies', (r) => r.excludedAgencies],
  ['tried_workers', (r) => r.triedWorkers],
  ['scores', (r) => JSON.stringify(r.scores)],
  ['categories', (r) => JSON.stringify(r.categories)],
  ['preferred_worker', (r) => r.preferredWorker],
  ['citizen_key', (r) => r.citizenKey],
  ['repeat_of', (r) => r.repeatOf],
  ['correlation_id', (r) => r.correlationId],
];
const ROUTE_COLUMNS = ROUTE_FIELDS.map(([column]) => column);
const COLUMNS = ROUTE_COLUMNS.join(', ');
/** What moves change of a stored route. */
const UPDATED_FIELDS = ROUTE_FIELDS.filter(([column]) =>
  [
    'status',
    'agency',
    'category',
    'unit_id',
    'worker_id',
    'round',
    'returns',
    'excluded_units',
    'excluded_agencies',
    'tried_workers',
    'preferred_worker',
    'area_code',
  ].includes(column),
);

/** Item routes, offers and worker load; every method runs inside the caller's transaction. */
@Injectable()
export class ItemRoutesRepository {
  /**
   * Inserts new routes, skipping items that already have one (a redelivered ItemReceived under another event
   * id), and answers the items whose route it inserted.
   */
  async insertMany(manager: EntityManager, routes: readonly ItemRoute[]): Promise<Set<string>> {
    const results = await queryInChunks<ItemRoute, { item_id: string }[]>(
      manager,
      routes,
      ROUTE_COLUMNS,
      (r) => ROUTE_FIELDS.map(([, value]) => value(r)),
      (values) =>
        `INSERT INTO item_routes (${COLUMNS}) VALUES ${values} ON CONFLICT (item_id) DO NOTHING RETURNING item_id`,
      { scores: 'jsonb', categories: 'jsonb' },
    );
    return new Set(results.flat().map((row) => row.item_id));
  }

  /** Which of the items already have a route. */
  async existing(manager: EntityManager, itemIds: readonly string[]): Promise<Set<string>> {
    if (itemIds.length === 0) return new Set();
    const rows = await manager.query<{ item_id: string }[]>(
      'SELECT item_id FROM item_routes WHERE item_id = ANY($1::uuid[])',
      [itemIds],
    );
    return new Set(rows.map((r) => r.item_id));
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
      `UPDATE item_routes SET ${UPDATED_FIELDS.map(([column], i) => `${column} = $${i + 2}`).join(', ')},
         updated_at = now()
       WHERE item_id = $1`,
      [r.itemId, ...UPDATED_FIELDS.map(([, value]) => value(r))],
    );
  }

  async insertOffers(manager: EntityManager, offers: readonly NewOffer[]): Promise<void> {
    const columns = ['id', 'item_id', 'unit_id', 'worker_id', 'status', 'offered_at', 'expires_at'];
    await queryInChunks(
      manager,
      offers,
      columns,
      (o) => [o.id, o.itemId, o.unitId, o.workerId, o.status, o.offeredAt, o.expiresAt],
      (values) => `INSERT INTO offers (${columns.join(', ')}) VALUES ${values}`,
    );
  }

  /** Closes the item's open offer (if any) with a final status and returns it. */
  async closeOpenOffer(
    manager: EntityManager,
    itemId: string,
    status: Exclude<OfferStatus, 'open'>,
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

  /** Queued items, oldest first, claimed so that another instance's sweep skips them. */
  async claimQueued(manager: EntityManager, limit: number): Promise<string[]> {
    const rows = await manager.query<{ item_id: string }[]>(
      `SELECT item_id FROM item_routes WHERE status = 'queued'
       ORDER BY updated_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
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

  /**
   * Applies a transaction's load changes in one statement, rows in worker order, so concurrent transactions
   * never deadlock on them.
   */
  async applyLoadChanges(manager: EntityManager, changes: readonly LoadChange[]): Promise<void> {
    if (changes.length === 0) return;
    const sorted = [...changes].sort((a, b) => a.workerId.localeCompare(b.workerId));
    await manager.query(
      `INSERT INTO worker_load (worker_id, active, last_assigned_at)
       SELECT c.worker_id, GREATEST(c.delta, 0), c.at
         FROM unnest($1::text[], $2::int[], $3::timestamptz[]) WITH ORDINALITY AS c(worker_id, delta, at, n)
        ORDER BY c.n
       ON CONFLICT (worker_id) DO UPDATE SET active = GREATEST(worker_load.active + (
           SELECT c.delta FROM unnest($1::text[], $2::int[]) AS c(worker_id, delta)
            WHERE c.worker_id = EXCLUDED.worker_id), 0),
         last_assigned_at = COALESCE(EXCLUDED.last_assigned_at, worker_load.last_assigned_at)`,
      [sorted.map((c) => c.workerId), sorted.map((c) => c.delta), sorted.map((c) => c.lastAssignedAt)],
    );
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
