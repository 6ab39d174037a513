import { unitFor } from '@app/reference-data';
import type { AssistingPartyV1 } from '@app/contracts';
import { chooseTarget, place, type LocationInput, type Placement, type Target } from './assignment/placement';
import {
  classify,
  type Classification,
  type ClassifierInput,
  type CompiledRuleSet,
} from './classifier/classify';
import type { InScopeAgency, ScoringParams } from './classifier/rule-set';

export interface RouteInput extends ClassifierInput {
  location?: LocationInput;
}

export type RouteOutcome =
  | { kind: 'routed'; target: Extract<Target, { kind: 'unit' }>; assisting: AssistingPartyV1[] }
  | { kind: 'referred'; department: string }
  | { kind: 'triaged'; reason: string; suggestedAgency?: InScopeAgency | 'out_of_scope' };

export interface RouteDecision {
  classification: Classification;
  placement: Placement;
  outcome: RouteOutcome;
}

/**
 * The first routing decision for an item: classify, then place it (area, grid) and pick the unit. Low
 * confidence or an unknown area → triage; out of scope → referral with the suggested department.
 */
export function decideRoute(
  input: RouteInput,
  rules: CompiledRuleSet,
  scoring: ScoringParams,
): RouteDecision {
  const classification = classify(input, rules, scoring);
  const placement = place(input.location ?? {});
  const decision = (outcome: RouteOutcome): RouteDecision => ({ classification, placement, outcome });
  if (classification.triage) {
    return decision({
      kind: 'triaged',
      reason: `置信度 ${classification.confidence} 低于阈值：${classification.explanation.summary}`,
      suggestedAgency: classification.agency === 'out_of_scope' ? 'out_of_scope' : classification.agency,
    });
  }
  if (classification.outOfScope) {
    return decision({ kind: 'referred', department: classification.suggestedDepartment ?? '' });
  }
  const lead = classification.agency as InScopeAgency;
  const target = chooseTarget({ scores: classification.explanation.scores, lead, placement });
  if (target.kind === 'triage') {
    return decision({ kind: 'triaged', reason: target.reason, suggestedAgency: target.suggestedAgency });
  }
  return decision({
    kind: 'routed',
    target,
    assisting: assistingParties(classification.assisting, placement),
  });
}

export function assistingParties(
  agencies: readonly InScopeAgency[],
  placement: Placement,
): AssistingPartyV1[] {
  return agencies.map((agency) => {
    const unit = agency === 'committee' || !placement.area ? undefined : unitFor(agency, placement.area.code);
    return unit ? { agency, unitId: unit.id } : { agency };
  });
}

/** The best category of each agency, from the matched rules (for re-routing to another agency). */
export function categoriesByAgency(
  classification: Classification,
): Record<string, { id: string; label: string }> {
  const result: Record<string, { id: string; label: string }> = {};
  for (const m of classification.explanation.matchedRules) {
    if (m.ruleId.startsWith('channel.')) continue;
    result[m.target] ??= { id: m.ruleId, label: m.label };
  }
  return result;
}
