import type { Agency } from '@app/contracts';

/** Agencies a rule can send an item to (out_of_scope is decided by department rules instead). */
export type InScopeAgency = Exclude<Agency, 'out_of_scope'>;
export const InScopeAgencies: readonly InScopeAgency[] = [
  'police',
  'procuratorate',
  'court',
  'justice',
  'committee',
];

/** Weighted terms: a term (word or phrase) and how strongly it points at the rule's target. */
export type TermWeights = Record<string, number>;

/** A category of a political-legal agency (e.g. 公安 · 盗窃) and the terms that signal it. */
export interface CategoryRule {
  kind: 'category';
  /** Stable id, e.g. `police.theft`. */
  id: string;
  agency: InScopeAgency;
  /** Category label users see, e.g. 盗窃. */
  label: string;
  terms: TermWeights;
  /** Labels of citizen-chosen categories (portal/TipDM tree) that mean this category. */
  aliases?: string[];
}

/** A department outside the political-legal system (转办) and the terms that signal it. */
export interface DepartmentRule {
  kind: 'department';
  /** Stable id, e.g. `dept.housing`. */
  id: string;
  /** Suggested department named in the referral, e.g. 住房和城乡建设局. */
  label: string;
  terms: TermWeights;
  aliases?: string[];
}

/** A hotline platform that implies an agency (12368 → court). */
export interface ChannelRule {
  kind: 'channel';
  /** `channel.<platform>` */
  id: string;
  platform: string;
  agency: InScopeAgency;
  label: string;
  weight: number;
}

export type Rule = CategoryRule | DepartmentRule | ChannelRule;
export type RuleKind = Rule['kind'];

/** One consistent, versioned set of rules: what every decision is made (and explained) against. */
export interface RuleSet {
  version: string;
  rules: readonly Rule[];
}

/** Tuning knobs of the scoring, part of the classifier rather than the editable data. */
export interface ScoringParams {
  /** Multiplier for a term found in the title rather than only the description. */
  titleBoost: number;
  /** Below this confidence the item goes to the committee's triage queue. */
  triageThreshold: number;
  /** Weight of a citizen-chosen category that names a rule. */
  chosenCategoryWeight: number;
  /** Another agency scoring at least this share of the lead's score assists (协办). */
  assistShare: number;
  /** …and at least this absolute score. */
  assistMinScore: number;
  /** The best outside department wins when its score times this bias exceeds the best agency's. */
  outOfScopeBias: number;
}

export const DEFAULT_SCORING: ScoringParams = {
  titleBoost: 3,
  triageThreshold: 0.4,
  chosenCategoryWeight: 3,
  assistShare: 0.25,
  assistMinScore: 6,
  outOfScopeBias: 1,
};

/** Every term of a rule set (to teach the segmenter the phrases as whole words). */
export function ruleTerms(rules: readonly Rule[]): string[] {
  const terms = new Set<string>();
  for (const rule of rules) {
    if (rule.kind === 'channel') continue;
    for (const term of Object.keys(rule.terms)) terms.add(term);
  }
  return [...terms];
}
