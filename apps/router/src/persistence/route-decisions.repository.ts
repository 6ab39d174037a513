import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DecisionRow {
  id: string;
  itemId: string;
  receiptNo: string;
  agency: string;
  confidence: number;
  reason: string;
  ruleSetVersion: string;
}

@Injectable()
export class RouteDecisionsRepository {
  /** One multi-row insert per batch. */
  async insertMany(manager: EntityManager, rows: DecisionRow[]): Promise<void> {
    if (rows.length === 0) return;
    const values: unknown[] = [];
    const tuples = rows.map((r, i) => {
      values.push(r.id, r.itemId, r.receiptNo, r.agency, r.confidence, r.reason, r.ruleSetVersion);
      const o = i * 7;
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}, $${o + 7})`;
    });
    await manager.query(
      `INSERT INTO route_decisions (id, item_id, receipt_no, agency, confidence, reason, rule_set_version)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}
