import type { Agency, RequestType } from '@app/contracts';

/**
 * The request categories citizens and platforms choose from (Open311 "services"). `name` is what an item
 * carries as its category; the agency is the usual owner, a hint for people — routing decides for real.
 */
export interface RequestCategory {
  code: string;
  name: string;
  description: string;
  agency: Exclude<Agency, 'out_of_scope'>;
  /** The request type an item of this category has when the sender does not say. */
  defaultRequestType: RequestType;
  keywords: readonly string[];
}

export const REQUEST_CATEGORIES: readonly RequestCategory[] = [
  {
    code: 'theft',
    name: '盗窃',
    description: '财物、车辆被盗',
    agency: 'police',
    defaultRequestType: 'help',
    keywords: ['盗窃', '被盗', '小偷'],
  },
  {
    code: 'fraud',
    name: '诈骗',
    description: '电信网络诈骗及其他诈骗',
    agency: 'police',
    defaultRequestType: 'report',
    keywords: ['诈骗', '电信诈骗', '骗'],
  },
  {
    code: 'public-order',
    name: '社会治安',
    description: '打架斗殴、噪音扰民、赌博等治安问题',
    agency: 'police',
    defaultRequestType: 'complaint',
    keywords: ['扰民', '打架', '赌博', '治安'],
  },
  {
    code: 'household-id',
    name: '户籍证件',
    description: '户籍、身份证、出入境证件办理',
    agency: 'police',
    defaultRequestType: 'consultation',
    keywords: ['户籍', '身份证', '出入境'],
  },
  {
    code: 'traffic',
    name: '交通管理',
    description: '交通秩序、交通事故、驾驶证业务',
    agency: 'police',
    defaultRequestType: 'help',
    keywords: ['交通', '事故', '驾驶证', '违停'],
  },
  {
    code: 'police-conduct',
    name: '警务督察',
    description: '对民警执法、服务态度的投诉',
    agency: 'police',
    defaultRequestType: 'complaint',
    keywords: ['民警', '态度', '执法'],
  },
  {
    code: 'case-filing',
    name: '立案',
    description: '法院立案、网上立案',
    agency: 'court',
    defaultRequestType: 'consultation',
    keywords: ['立案', '起诉'],
  },
  {
    code: 'litigation-service',
    name: '诉讼服务',
    description: '诉讼服务、审判进度、诉讼费、文书送达',
    agency: 'court',
    defaultRequestType: 'consultation',
    keywords: ['诉讼', '开庭', '审判进度'],
  },
  {
    code: 'enforcement',
    name: '执行',
    description: '判决执行、失信被执行人',
    agency: 'court',
    defaultRequestType: 'help',
    keywords: ['执行', '被执行人', '判决'],
  },
  {
    code: 'appeal',
    name: '控告申诉',
    description: '对司法决定的控告、申诉，法律监督',
    agency: 'procuratorate',
    defaultRequestType: 'complaint',
    keywords: ['控告', '申诉', '监督'],
  },
  {
    code: 'public-interest',
    name: '公益诉讼',
    description: '环境污染、食品安全、国有财产等公益损害线索',
    agency: 'procuratorate',
    defaultRequestType: 'report',
    keywords: ['污染', '食品安全', '公益'],
  },
  {
    code: 'juvenile',
    name: '未成年人保护',
    description: '侵害未成年人权益的问题',
    agency: 'procuratorate',
    defaultRequestType: 'report',
    keywords: ['未成年人', '儿童', '学生'],
  },
  {
    code: 'mediation',
    name: '矛盾纠纷调解',
    description: '邻里、家庭、土地、劳务纠纷的人民调解',
    agency: 'justice',
    defaultRequestType: 'help',
    keywords: ['纠纷', '调解', '邻里'],
  },
  {
    code: 'legal-aid',
    name: '法律援助',
    description: '法律援助申请与法律咨询',
    agency: 'justice',
    defaultRequestType: 'help',
    keywords: ['法律援助', '法律咨询'],
  },
  {
    code: 'notary-lawyer',
    name: '公证律师',
    description: '公证、律师服务及对律师的投诉',
    agency: 'justice',
    defaultRequestType: 'consultation',
    keywords: ['公证', '律师'],
  },
  {
    code: 'enforcement-fairness',
    name: '执法司法公正',
    description: '执法不公、司法腐败问题',
    agency: 'committee',
    defaultRequestType: 'report',
    keywords: ['不公', '腐败'],
  },
  {
    code: 'other',
    name: '其他政法事项',
    description: '不属于以上类别的政法事项',
    agency: 'committee',
    defaultRequestType: 'help',
    keywords: [],
  },
];

export function categoryByCode(code: string): RequestCategory | undefined {
  return REQUEST_CATEGORIES.find((c) => c.code === code);
}

export function categoryByName(name: string): RequestCategory | undefined {
  return REQUEST_CATEGORIES.find((c) => c.name === name);
}
