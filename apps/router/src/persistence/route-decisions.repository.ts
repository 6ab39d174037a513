import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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

/** Every routing decision with its full explanation (the event carries only a short reason). */
@Injectable()
export class RouteDecisionsRepository {
  async insert(manager: EntityManager, r: DecisionRow): Promise<void> {
    await manager.query(
      `INSERT INTO route_decisions (id, item_id, receipt_no, round, outcome, agency, category, area_code, unit_id,
         assisting, suggested_department, confidence, reason, rule_set_version, explanation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15::jsonb)`,
      [
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
    );
  }
}
