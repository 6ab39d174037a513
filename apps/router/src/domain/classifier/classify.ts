import type { Agency } from '@app/contracts';
import {
  DEFAULT_SCORING,
  InScopeAgencies,
  type CategoryRule,
  type ChannelRule,
  type DepartmentRule,
  type InScopeAgency,
  type RuleSet,
  type ScoringParams,
} from './rule-set';
import type { Segmenter } from './segmenter';

export interface ClassifierInput {
  title: string;
  description: string;
  /** Hotline platform the item came from (12368, 12309, 12348, 110…). */
  platform?: string;
  /** Category the citizen or clerk chose, if any. */
  category?: string;
}

export interface MatchedRule {
  ruleId: string;
  /** Agency, or `out_of_scope` for a department rule. */
  target: Agency;
  label: string;
  score: number;
  terms: string[];
}

/** Why the classifier decided what it did; stored with every decision and shown in previews. */
export interface Explanation {
  matchedRules: MatchedRule[];
  /** Every rule term found in the text. */
  terms: string[];
  /** Score per agency (and out_of_scope). */
  scores: Record<Agency, number>;
  confidence: number;
  ruleSetVersion: string;
  /** One line for people, e.g. 命中 盗窃（被盗、派出所）. */
  summary: string;
}

export interface Classification {
  /** Lead agency (主办); `committee` when nothing matched; `out_of_scope` for referrals. */
  agency: Agency;
  categoryId?: string;
  category?: string;
  confidence: number;
  outOfScope: boolean;
  suggestedDepartment?: string;
  /** Confidence below the threshold: the committee decides (分拨待定). */
  triage: boolean;
  /** Assisting agencies (协办) when the item clearly spans agencies. */
  assisting: InScopeAgency[];
  explanation: Explanation;
}

/** Named when nothing matched at all: the general platform decides the department. */
export const UNKNOWN_DEPARTMENT = '12345 政务服务便民热线（部门待定）';

interface TermHit {
  rule: number;
  weight: number;
}

/** A rule set prepared for fast matching: term → rules, plus the long phrases matched as substrings. */
export interface CompiledRuleSet {
  version: string;
  scored: (CategoryRule | DepartmentRule)[];
  channels: Map<string, ChannelRule>;
  byTerm: Map<string, TermHit[]>;
  /**
   * Terms of three or more characters are also matched inside the text, whatever the segmentation: indexed by
   * their first two characters (`pairAt`), so a text is read once instead of once per phrase.
   */
  phrasesByStart: Map<number, string[]>;
  byChosenCategory: Map<string, number>;
  segmenter: Segmenter;
}

export function compileRuleSet(ruleSet: RuleSet, segmenter: Segmenter): CompiledRuleSet {
  const scored: (CategoryRule | DepartmentRule)[] = [];
  const channels = new Map<string, ChannelRule>();
  const byTerm = new Map<string, TermHit[]>();
  const byChosenCategory = new Map<string, number>();
  for (const rule of ruleSet.rules) {
    if (rule.kind === 'channel') {
      channels.set(rule.platform, rule);
      continue;
    }
    const index = scored.push(rule) - 1;
    for (const [term, weight] of Object.entries(rule.terms)) {
      const hits = byTerm.get(term) ?? [];
      hits.push({ rule: index, weight });
      byTerm.set(term, hits);
    }
    for (const name of [rule.id, rule.label, ...(rule.aliases ?? [])]) {
      if (!byChosenCategory.has(name)) byChosenCategory.set(name, index);
    }
  }
  const phrasesByStart = new Map<number, string[]>();
  for (const term of byTerm.keys()) {
    if (term.length < 3) continue;
    const start = pairAt(term, 0);
    const starting = phrasesByStart.get(start);
    if (starting) starting.push(term);
    else phrasesByStart.set(start, [term]);
  }
  return { version: ruleSet.version, scored, channels, byTerm, phrasesByStart, byChosenCategory, segmenter };
}

function emptyScores(): Record<Agency, number> {
  return { police: 0, procuratorate: 0, court: 0, justice: 0, committee: 0, out_of_scope: 0 };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The two UTF-16 code units at `i` as one number: a key without making a string. */
const pairAt = (text: string, i: number) => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

function findTerms(text: string, rules: CompiledRuleSet): Set<string> {
  const found = new Set<string>();
  for (const token of rules.segmenter.cut(text)) if (rules.byTerm.has(token)) found.add(token);
  for (let i = 0; i + 2 < text.length; i++) {
    const starting = rules.phrasesByStart.get(pairAt(text, i));
    if (!starting) continue;
    for (const phrase of starting) if (!found.has(phrase) && text.startsWith(phrase, i)) found.add(phrase);
  }
  return found;
}

/**
 * Scores an item against the rules: each rule term found counts its weight once (more when it is in the
 * title), the channel and a chosen category add their own weight. The best political-legal agency competes
 * with the best outside department; confidence is the winner's share of all the evidence (plus one unit of
 * doubt), and below the threshold the item goes to triage. Pure: the same input and rules give the same result.
 */
export function classify(
  input: ClassifierInput,
  rules: CompiledRuleSet,
  params: ScoringParams = DEFAULT_SCORING,
): Classification {
  const inTitle = findTerms(input.title, rules);
  const inBody = findTerms(input.description, rules);
  const ruleScores = new Map<number, { score: number; terms: string[] }>();
  const credit = (index: number, amount: number, term: string) => {
    const entry = ruleScores.get(index) ?? { score: 0, terms: [] };
    entry.score += amount;
    entry.terms.push(term);
    ruleScores.set(index, entry);
  };
  const allTerms = new Set([...inTitle, ...inBody]);
  for (const term of allTerms) {
    const boost = inTitle.has(term) ? params.titleBoost : 1;
    for (const hit of rules.byTerm.get(term) ?? []) credit(hit.rule, hit.weight * boost, term);
  }
  const chosen = input.category ? rules.byChosenCategory.get(input.category.trim()) : undefined;
  if (chosen !== undefined) credit(chosen, params.chosenCategoryWeight, `类别:${input.category}`);

  const scores = emptyScores();
  const bestRule = new Map<Agency, { index: number; score: number }>();
  const matchedRules: MatchedRule[] = [];
  for (const [index, { score, terms }] of ruleScores) {
    const rule = rules.scored[index]!;
    const target: Agency = rule.kind === 'category' ? rule.agency : 'out_of_scope';
    matchedRules.push({ ruleId: rule.id, target, label: rule.label, score: round(score), terms });
    if (rule.kind === 'category') scores[target] += score;
    else scores.out_of_scope = Math.max(scores.out_of_scope, score);
    const best = bestRule.get(target);
    if (!best || score > best.score) bestRule.set(target, { index, score });
  }
  const channel = input.platform ? rules.channels.get(input.platform) : undefined;
  if (channel) {
    scores[channel.agency] += channel.weight;
    matchedRules.push({
      ruleId: channel.id,
      target: channel.agency,
      label: channel.label,
      score: channel.weight,
      terms: [`平台:${channel.platform}`],
    });
  }
  matchedRules.sort((a, b) => b.score - a.score);

  const ranked = [...InScopeAgencies].sort((a, b) => scores[b] - scores[a]);
  const lead = ranked[0]!;
  const leadScore = scores[lead];
  const secondScore = scores[ranked[1]!];
  const outScore = scores.out_of_scope;
  const terms = [...allTerms];
  const explain = (confidence: number, summary: string): Explanation => ({
    matchedRules,
    terms,
    scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, round(v)])) as Record<
      Agency,
      number
    >,
    confidence,
    ruleSetVersion: rules.version,
    summary,
  });

  if (leadScore === 0 && outScore === 0) {
    // Nothing political-legal in the text: most likely a matter for the general platform, but with no
    // department to name the committee's triage decides.
    return {
      agency: 'out_of_scope',
      confidence: 0,
      outOfScope: true,
      suggestedDepartment: UNKNOWN_DEPARTMENT,
      triage: true,
      assisting: [],
      explanation: explain(0, '未命中任何政法规则，待政法委分拨确认转办部门'),
    };
  }

  if (outScore * params.outOfScopeBias > leadScore) {
    const dept = rules.scored[bestRule.get('out_of_scope')!.index]!;
    const confidence = round(outScore / (outScore + leadScore + 1));
    return {
      agency: 'out_of_scope',
      confidence,
      outOfScope: true,
      suggestedDepartment: dept.label,
      triage: confidence < params.triageThreshold,
      assisting: [],
      explanation: explain(
        confidence,
        `非政法事项，建议转 ${dept.label}（${describe(matchedRules, 'out_of_scope')}）`,
      ),
    };
  }

  const category = rules.scored[bestRule.get(lead)?.index ?? -1];
  const confidence = round(leadScore / (leadScore + secondScore + outScore + 1));
  const assisting = ranked
    .slice(1)
    .filter((a) => scores[a] >= params.assistMinScore && scores[a] >= leadScore * params.assistShare);
  return {
    agency: lead,
    categoryId: category?.id,
    category: category?.label,
    confidence,
    outOfScope: false,
    triage: confidence < params.triageThreshold,
    assisting,
    explanation: explain(confidence, `命中 ${describe(matchedRules, lead)}`),
  };
}

function describe(matched: readonly MatchedRule[], target: Agency): string {
  return matched
    .filter((m) => m.target === target)
    .slice(0, 3)
    .map((m) => `${m.label}（${m.terms.slice(0, 4).join('、')}）`)
    .join('；');
}
