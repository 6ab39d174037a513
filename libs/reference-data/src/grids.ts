import { AREAS } from './areas';

/**
 * A police grid (网格): the communities (街道/镇) it covers and its grid officer (网格民警), who is offered the
 * grid's police items first. Grids belong to the area's police sub-bureau.
 */
export interface PoliceGrid {
  id: string;
  areaCode: string;
  name: string;
  communities: readonly string[];
  /** Username of the grid officer. */
  officerId: string;
}

const COMMUNITIES: Record<string, [string[], string[]]> = {
  dc: [
    ['新湖街道', '新华街道', '天衢街道'],
    ['广川街道', '运河街道', '宋官屯街道'],
  ],
  lc: [
    ['安德街道', '临齐街道'],
    ['郑家寨镇', '糜镇'],
  ],
  nj: [
    ['宁城街道', '津城街道'],
    ['柴胡店镇', '长官镇'],
  ],
  qy: [
    ['渤海路街道', '解放路街道'],
    ['常家镇', '尚堂镇'],
  ],
  ly: [
    ['邢侗街道', '恒源街道'],
    ['临邑镇', '孟寺镇'],
  ],
  qh: [
    ['晏城街道', '祝阿镇'],
    ['华店镇', '焦庙镇'],
  ],
  py: [
    ['龙门街道', '桃园街道'],
    ['王庙镇', '王杲铺镇'],
  ],
  xj: [
    ['银城街道', '北城街道'],
    ['南城镇', '苏留庄镇'],
  ],
  wc: [
    ['广运街道', '武城镇'],
    ['老城镇', '鲁权屯镇'],
  ],
  ll: [
    ['市中街道', '胡家街道'],
    ['云红街道', '郭家街道'],
  ],
  yc: [
    ['市中街道', '伦镇'],
    ['房寺镇', '张庄镇'],
  ],
};

export const POLICE_GRIDS: readonly PoliceGrid[] = AREAS.flatMap((area) =>
  (COMMUNITIES[area.short] ?? []).map((communities, i) => ({
    id: `grid-${area.short}-${i + 1}`,
    areaCode: area.code,
    name: `${area.name}第${i + 1}网格`,
    communities,
    officerId: `ga-${area.short}-0${i + 1}`,
  })),
);

/** The grid of an area whose community is named in the address, if any. */
export function gridForAddress(areaCode: string, address: string): PoliceGrid | undefined {
  return POLICE_GRIDS.find((g) => g.areaCode === areaCode && g.communities.some((c) => address.includes(c)));
}
