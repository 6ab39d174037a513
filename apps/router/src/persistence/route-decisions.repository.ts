import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryInChunks } from '@app/persistence';

export interface DecisionRow {
  id: string;
  itemId: string;
  receiptNo: string;
  round: number;
  outcome: 'routed' | 'referred' | 'triaged' | 'arbitration';
  agency: string;
  category: string | null;
  areaCode: string | null;
  unitId: string | null;
  assisting: unknown[];
  suggestedDepartment: string | null;
  confidence: number;
  reason: string;
  ruleSetVersion: string;
  explanation: unknown;
}

const COLUMNS = [
  'id',
  'item_id',
  'receipt_no',
  'round',
  'outcome',
  'agency',
  'category',
  'area_code',
  'unit_id',
  'assisting',
  'suggested_department',
  'confidence',
  'reason',
  'rule_set_version',
  'explanation',
] as const;

/** Every routing decision with its full explanation (the event carries only a short reason). */
@Injectable()
export class RouteDecisionsRepository {
  /** Inserts the decisions of a transaction, as many a statement as the parameter limit allows. */
  async insertMany(manager: EntityManager, rows: readonly DecisionRow[]): Promise<void> {
    await queryInChunks(
      manager,
      rows,
      COLUMNS,
      (r) => [
        r.id,
        r.itemId,
        r.receiptNo,
        r.round,
        r.outcome,
        r.agency,
        r.category,
        r.areaCode,
        r.unitId,
        JSON.stringify(r.assisting),
        r.suggestedDepartment,
        r.confidence,
        r.reason,
        r.ruleSetVersion,
        JSON.stringify(r.explanation ?? null),
      ],
      (values) => `INSERT INTO route_decisions (${COLUMNS.join(', ')}) VALUES ${values}`,
      { assisting: 'jsonb', explanation: 'jsonb' },
    );
  }
}
