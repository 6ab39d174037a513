import type { Agency } from '@app/contracts';

export interface RoutingInput {
  title: string;
  description: string;
  platform?: string;
}

export interface RouteDecision {
  agency: Agency;
  confidence: number;
  reason: string;
  ruleSetVersion: string;
}

const RULE_SET_VERSION = 'skeleton-1';

const KEYWORDS: [Agency, string[]][] = [
  [
    'police',
    ['盗', '偷', '诈骗', '打架', '扰民', '赌博', '户籍', '身份证', '出入境', '交通', '驾驶证', '治安'],
  ],
  ['court', ['立案', '诉讼', '执行', '判决', '开庭', '法院']],
  ['procuratorate', ['控告', '申诉', '公益诉讼', '检察']],
  ['justice', ['调解', '法律援助', '公证', '律师', '司法鉴定', '社区矫正']],
];

const PLATFORM_AGENCY: Record<string, Agency> = {
  '12368': 'court',
  '12309': 'procuratorate',
  '12348': 'justice',
  '110': 'police',
};

/** Walking-skeleton rules: channel first, then keywords; anything unclear goes to the committee. */
export function decideRoute(input: RoutingInput): RouteDecision {
  const byPlatform = input.platform ? PLATFORM_AGENCY[input.platform] : undefined;
  if (byPlatform) {
    return {
      agency: byPlatform,
      confidence: 0.9,
      reason: `platform ${input.platform}`,
      ruleSetVersion: RULE_SET_VERSION,
    };
  }
  const text = `${input.title} ${input.description}`;
  for (const [agency, words] of KEYWORDS) {
    const hit = words.find((w) => text.includes(w));
    if (hit) return { agency, confidence: 0.7, reason: `matched ${hit}`, ruleSetVersion: RULE_SET_VERSION };
  }
  return {
    agency: 'committee',
    confidence: 0.2,
    reason: 'no rule matched',
    ruleSetVersion: RULE_SET_VERSION,
  };
}
