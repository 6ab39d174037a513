import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface HotSpotRow {
  id: string;
  areaCode: string | null;
  title: string;
  itemCount: number;
  people: number;
  firstAt: Date;
  lastAt: Date;
  governanceTaskId: string | null;
}

export interface GovernanceTaskRow {
  id: string;
  clusterId: string;
  title: string;
  note: string | null;
  unitId: string | null;
  itemIds: string[];
  status: string;
  createdBy: string;
  createdAt: Date;
}

export interface ClosedPeriodRow {
  period: string;
  itemCount: number;
  ledger: unknown;
  rates: unknown;
  closedBy: string;
  closedAt: Date;
}

/** Hot spots, governance tasks and closed-period snapshots. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hotSpots(filter: {
    from: Date;
    to: Date;
    minPeople: number;
    areaCode?: string;
  }): Promise<HotSpotRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT h.*, g.id AS governance_task_id FROM hot_spots h LEFT JOIN governance_tasks g ON g.cluster_id = h.id
       WHERE h.last_at >= $1 AND h.first_at < $2 AND h.people >= $3 AND ($4::text IS NULL OR h.area_code = $4)
       ORDER BY h.item_count DESC, h.last_at DESC`,
      [filter.from, filter.to, filter.minPeople, filter.areaCode ?? null],
    );
    return rows.map((r) => ({
      id: String(r.id),
      areaCode: (r.area_code as string | null) ?? null,
      title: String(r.title),
      itemCount: Number(r.item_count),
      people: Number(r.people),
      firstAt: r.first_at as Date,
      lastAt: r.last_at as Date,
      governanceTaskId: (r.governance_task_id as string | null) ?? null,
    }));
  }

  async hotSpotMembers(
    clusterId: string,
  ): Promise<{ itemId: string; receiptNo: string | null; title: string | null }[]> {
    const rows: { item_id: string; receipt_no: string | null; title: string | null }[] =
      await this.dataSource.query(
        'SELECT item_id, receipt_no, title FROM item_facts WHERE cluster_id = $1 ORDER BY received_at, item_id',
        [clusterId],
      );
    return rows.map((r) => ({ itemId: r.item_id, receiptNo: r.receipt_no, title: r.title }));
  }

  async hotSpotExists(clusterId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM hot_spots WHERE id = $1', [clusterId]);
    return rows.length > 0;
  }

  /** Inserts the task unless the hot spot already has one; returns the hot spot's task either way. */
  async createGovernanceTask(task: Omit<GovernanceTaskRow, 'status' | 'createdAt'>): Promise<{
    task: GovernanceTaskRow;
    created: boolean;
  }> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO governance_tasks (id, cluster_id, title, note, unit_id, item_ids, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7) ON CONFLICT (cluster_id) DO NOTHING RETURNING id`,
      [task.id, task.clusterId, task.title, task.note, task.unitId, task.itemIds, task.createdBy],
    );
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      'SELECT * FROM governance_tasks WHERE cluster_id = $1',
      [task.clusterId],
    );
    const r = rows[0] as Record<string, unknown>;
    return {
      created: inserted.length > 0,
      task: {
        id: String(r.id),
        clusterId: String(r.cluster_id),
        title: String(r.title),
        note: (r.note as string | null) ?? null,
        unitId: (r.unit_id as string | null) ?? null,
        itemIds: r.item_ids as string[],
        status: String(r.status),
        createdBy: String(r.created_by),
        createdAt: r.created_at as Date,
      },
    };
  }

  async closedPeriods(): Promise<Omit<ClosedPeriodRow, 'ledger' | 'rates'>[]> {
    const rows: { period: string; item_count: number; closed_by: string; closed_at: Date }[] =
      await this.dataSource.query(
        'SELECT period, item_count, closed_by, closed_at FROM closed_periods ORDER BY period DESC',
      );
    return rows.map((r) => ({
      period: r.period,
      itemCount: r.item_count,
      closedBy: r.closed_by,
      closedAt: r.closed_at,
    }));
  }

  async closedPeriod(period: string): Promise<ClosedPeriodRow | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      'SELECT * FROM closed_periods WHERE period = $1',
      [period],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      period: String(r.period),
      itemCount: Number(r.item_count),
      ledger: r.ledger,
      rates: r.rates,
      closedBy: String(r.closed_by),
      closedAt: r.closed_at as Date,
    };
  }

  /** Stores the snapshot; false if the period was already closed (the first snapshot stays). */
  async closePeriod(snapshot: {
    period: string;
    from: Date;
    to: Date;
    itemCount: number;
    ledger: unknown;
    rates: unknown;
    closedBy: string;
  }): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO closed_periods (period, from_at, to_at, item_count, ledger, rates, closed_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7) ON CONFLICT (period) DO NOTHING RETURNING period`,
      [
        snapshot.period,
        snapshot.from,
        snapshot.to,
        snapshot.itemCount,
        JSON.stringify(snapshot.ledger),
        JSON.stringify(snapshot.rates),
        snapshot.closedBy,
      ],
    );
    return inserted.length > 0;
  }
}
