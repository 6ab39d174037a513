import { checkItemRules, normaliseCitizen, type ItemRuleInput } from './item-rules';

const valid: ItemRuleInput = {
  title: '电动车被盗',
  description: '昨晚被盗',
  requestType: 'help',
  location: { areaName: '德城区' },
  citizen: { name: '张三', mobile: '13800138000' },
};

const rulesOf = (input: ItemRuleInput) => {
  const result = checkItemRules(input);
  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.rule}`);
};

describe('item rules', () => {
  it('accepts a named citizen in a known area and resolves the area by name or short name', () => {
    expect(checkItemRules(valid)).toMatchObject({ ok: true, area: { code: '371402', name: '德城区' } });
    const short = checkItemRules({ ...valid, location: { areaName: '禹城' } });
    expect(short).toMatchObject({ ok: true, area: { code: '371482' } });
    const byCode = checkItemRules({ ...valid, location: { areaCode: '371402', areaName: '德城区' } });
    expect(byCode.ok).toBe(true);
  });

  it('requires a known area and a consistent code and name', () => {
    expect(rulesOf({ ...valid, location: {} })).toEqual(['location.areaCode:areaRequired']);
    expect(rulesOf({ ...valid, location: { areaCode: '110105' } })).toEqual([
      'location.areaCode:isKnownArea',
    ]);
    expect(rulesOf({ ...valid, location: { areaName: '海淀区' } })).toEqual([
      'location.areaName:isKnownArea',
    ]);
    expect(rulesOf({ ...valid, location: { areaCode: '371402', areaName: '禹城市' } })).toEqual([
      'location.areaName:matchesAreaCode',
    ]);
  });

  it('allows anonymity for reports only', () => {
    const anonymousReport: ItemRuleInput = {
      ...valid,
      requestType: 'report',
      location: { areaCode: '371402' },
      citizen: { anonymous: true },
    };
    expect(rulesOf(anonymousReport)).toEqual([]);
    expect(rulesOf({ ...anonymousReport, requestType: 'complaint' })).toEqual([
      'citizen.anonymous:anonymousOnlyForReport',
    ]);
  });

  it('needs a name and mobile from a citizen who is not anonymous', () => {
    expect(rulesOf({ ...valid, citizen: {} })).toEqual([
      'citizen.name:requiredUnlessAnonymous',
      'citizen.mobile:requiredUnlessAnonymous',
    ]);
  });
});

describe('citizen normalisation', () => {
  it('stores mobiles without the country prefix and ID cards with an upper-case X', () => {
    expect(normaliseCitizen({ mobile: '+8613800138000', idCard: '11010519491231002x' })).toEqual({
      mobile: '13800138000',
      idCard: '11010519491231002X',
    });
    expect(normaliseCitizen({ mobile: '008613800138000', name: '张三' })).toEqual({
      mobile: '13800138000',
      name: '张三',
    });
  });

  it('refuses a blank title or description', () => {
    expect(rulesOf({ ...valid, title: '  ', description: '\n' })).toEqual([
      'title:isNotBlank',
      'description:isNotBlank',
    ]);
  });
});
