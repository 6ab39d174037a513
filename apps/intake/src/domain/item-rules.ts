import type { RequestType } from '@app/contracts';
import { DomainError } from '@app/errors';
import { areaByCode, areaByName, type Area } from '@app/reference-data';

/** One broken rule, named by field path and rule, in Chinese and English. */
export interface RuleProblem {
  field: string;
  rule: string;
  message: string;
  messageEn: string;
}

/** The parts of a submitted item the cross-field rules look at. */
export interface ItemRuleInput {
  title: string;
  description: string;
  requestType: RequestType;
  location: { areaCode?: string; areaName?: string };
  citizen: { name?: string; mobile?: string; anonymous?: boolean };
}

export type ItemRuleResult = { ok: true; area: Area } | { ok: false; problems: RuleProblem[] };

export const ruleProblem = (
  field: string,
  rule: string,
  message: string,
  messageEn: string,
): RuleProblem => ({
  field,
  rule,
  message,
  messageEn,
});

/**
 * Rules that span fields and reference data, after the DTO has checked shapes: the area must be one of the
 * city's areas (by code or name, and the two must agree); only reports (举报) may be anonymous; everyone else
 * leaves a name and a mobile number for the follow-up call (回访). Returns the resolved area so the event
 * carries both code and name.
 */
export function checkItemRules(item: ItemRuleInput): ItemRuleResult {
  const problems: RuleProblem[] = [];
  for (const field of ['title', 'description'] as const) {
    if (item[field].trim() === '') {
      problems.push(ruleProblem(field, 'isNotBlank', `${field} 不能只有空白`, `${field} must not be blank`));
    }
  }
  const { areaCode, areaName } = item.location;
  const byCode = areaCode !== undefined ? areaByCode(areaCode) : undefined;
  const byName = areaName !== undefined ? areaByName(areaName) : undefined;
  if (areaCode === undefined && areaName === undefined) {
    problems.push(
      ruleProblem(
        'location.areaCode',
        'areaRequired',
        'location.areaCode 或 location.areaName 必须填写其一',
        'location.areaCode or location.areaName is required',
      ),
    );
  }
  if (areaCode !== undefined && !byCode) {
    problems.push(
      ruleProblem(
        'location.areaCode',
        'isKnownArea',
        'location.areaCode 不是本市的区县代码',
        'location.areaCode is not an area of this city',
      ),
    );
  }
  if (areaName !== undefined && !byName) {
    problems.push(
      ruleProblem(
        'location.areaName',
        'isKnownArea',
        'location.areaName 不是本市的区县名称',
        'location.areaName is not an area of this city',
      ),
    );
  }
  if (byCode && byName && byCode.code !== byName.code) {
    problems.push(
      ruleProblem(
        'location.areaName',
        'matchesAreaCode',
        'location.areaName 与 location.areaCode 不一致',
        'location.areaName does not match location.areaCode',
      ),
    );
  }
  const anonymous = item.citizen.anonymous === true;
  if (anonymous && item.requestType !== 'report') {
    problems.push(
      ruleProblem(
        'citizen.anonymous',
        'anonymousOnlyForReport',
        '只有举报可以匿名',
        'only reports may be anonymous',
      ),
    );
  }
  if (!anonymous) {
    for (const field of ['name', 'mobile'] as const) {
      if (!item.citizen[field]) {
        problems.push(
          ruleProblem(
            `citizen.${field}`,
            'requiredUnlessAnonymous',
            `citizen.${field} 为必填项（匿名举报除外）`,
            `citizen.${field} is required unless the report is anonymous`,
          ),
        );
      }
    }
  }
  const area = byCode ?? byName;
  if (problems.length > 0 || !area) return { ok: false, problems };
  return { ok: true, area };
}

/** The same code and wording as a DTO validation failure: clients see one kind of "invalid request". */
export function invalidItem(problems: RuleProblem[]): DomainError {
  return new DomainError(
    'REQUEST.INVALID',
    'invalid',
    '请求内容不符合要求',
    'The request is invalid',
    problems,
  );
}

/**
 * The one spelling stored for a citizen's numbers, so look-ups by mobile find every item of one person:
 * mobile without the +86/0086 prefix, ID card with an upper-case check character.
 */
export function normaliseCitizen<C extends { mobile?: string; idCard?: string }>(citizen: C): C {
  return {
    ...citizen,
    ...(citizen.mobile ? { mobile: citizen.mobile.replace(/^(\+|00)86/, '') } : {}),
    ...(citizen.idCard ? { idCard: citizen.idCard.toUpperCase() } : {}),
  };
}
