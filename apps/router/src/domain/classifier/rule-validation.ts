import { DomainError, type ErrorDetail } from '@app/errors';
import { InScopeAgencies, type Rule } from './rule-set';

const ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;
const MAX_TERMS = 300;

export interface RuleInput {
  id: string;
  kind: string;
  label: string;
  agency?: string;
  terms?: Record<string, unknown>;
  aliases?: string[];
  platform?: string;
  weight?: number;
}

/** Checks an administrator's rule edit and returns it as a rule, or throws ROUTING.RULE_INVALID naming each problem. */
export function toRule(input: RuleInput): Rule {
  const problems: (ErrorDetail & { messageEn: string })[] = [];
  const problem = (field: string, rule: string, message: string, messageEn: string) =>
    problems.push({ field, rule, message, messageEn });
  if (!ID.test(input.id))
    problem('id', 'pattern', '规则编号只能包含小写字母、数字、点、横线', 'id must be a-z0-9._-');
  const label = input.label.trim();
  if (!label) problem('label', 'required', '名称不能为空', 'label is required');
  const agency = InScopeAgencies.find((a) => a === input.agency);
  const terms: Record<string, number> = {};
  if (input.kind === 'category' || input.kind === 'department') {
    const entries = Object.entries(input.terms ?? {});
    if (entries.length === 0)
      problem('terms', 'required', '至少需要一个关键词', 'at least one term is required');
    if (entries.length > MAX_TERMS)
      problem('terms', 'max', `关键词不能超过 ${MAX_TERMS} 个`, 'too many terms');
    for (const [term, weight] of entries) {
      if (!term.trim() || term.length > 30 || typeof weight !== 'number' || !(weight > 0 && weight <= 20)) {
        problem(
          `terms.${term}`,
          'weight',
          '关键词权重须为 0 到 20 之间的数',
          'term weight must be in (0, 20]',
        );
      } else terms[term.trim()] = weight;
    }
  }
  const aliases = (input.aliases ?? []).map((a) => a.trim()).filter(Boolean);
  let rule: Rule | undefined;
  if (input.kind === 'category') {
    if (!agency)
      problem('agency', 'isIn', '承办机关不正确', `agency must be one of ${InScopeAgencies.join(', ')}`);
    else rule = { kind: 'category', id: input.id, agency, label, terms, aliases };
  } else if (input.kind === 'department') {
    rule = { kind: 'department', id: input.id, label, terms, aliases };
  } else if (input.kind === 'channel') {
    const weight = input.weight;
    if (!agency)
      problem('agency', 'isIn', '承办机关不正确', `agency must be one of ${InScopeAgencies.join(', ')}`);
    if (!input.platform?.trim()) problem('platform', 'required', '平台号不能为空', 'platform is required');
    if (typeof weight !== 'number' || !(weight > 0 && weight <= 20)) {
      problem('weight', 'range', '权重须为 0 到 20 之间的数', 'weight must be in (0, 20]');
    }
    if (agency && input.platform?.trim() && typeof weight === 'number') {
      rule = { kind: 'channel', id: input.id, platform: input.platform.trim(), agency, label, weight };
    }
  } else {
    problem(
      'kind',
      'isIn',
      '规则类型须为 category、department 或 channel',
      'kind must be category, department or channel',
    );
  }
  if (problems.length > 0 || !rule) {
    throw new DomainError(
      'ROUTING.RULE_INVALID',
      'invalid',
      '分拨规则不符合要求',
      'The routing rule is invalid',
      problems,
    );
  }
  return rule;
}
