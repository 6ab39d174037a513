import type { AssistingPartyV1, PayloadOf } from '@app/contracts';
import type { InScopeAgency } from './classifier/rule-set';

/** The item as the router tracks it, in the round being decided. */
export interface RoutedItem {
  receiptNo: string;
  round: number;
  areaCode?: string | null;
}

/** The round's decision record: which decision, under which rules, how sure and why. */
export interface RoundDecision {
  decisionId: string;
  ruleSetVersion: string;
  confidence: number;
  reason: string;
}

/** Where the round sent the item: a unit of a political-legal agency, or out to another department (转办). */
export type RoutedTo =
  | {
      agency: InScopeAgency;
      unitId: string;
      category?: string;
      assisting: AssistingPartyV1[];
      repeatOfItemId?: string | null;
    }
  | { agency: 'out_of_scope'; suggestedDepartment: string };

/** The ItemRouted payload of a round, for every way the router decides one; unknown optional facts are left out. */
export function routedPayload(
  item: RoutedItem,
  decision: RoundDecision,
  to: RoutedTo,
): PayloadOf<'ItemRouted'> {
  const { receiptNo, round, areaCode } = item;
  const { decisionId, ruleSetVersion, confidence, reason } = decision;
  if (to.agency === 'out_of_scope') {
    return {
      receiptNo,
      agency: 'out_of_scope',
      assisting: [],
      confidence,
      outOfScope: true,
      suggestedDepartment: to.suggestedDepartment,
      decisionId,
      ruleSetVersion,
      round,
      reason,
      ...(areaCode ? { areaCode } : {}),
    };
  }
  return {
    receiptNo,
    agency: to.agency,
    ...(to.category !== undefined ? { category: to.category } : {}),
    ...(areaCode ? { areaCode } : {}),
    unitId: to.unitId,
    assisting: to.assisting,
    confidence,
    outOfScope: false,
    decisionId,
    ruleSetVersion,
    round,
    reason,
    ...(to.repeatOfItemId ? { repeatOfItemId: to.repeatOfItemId } : {}),
  };
}
