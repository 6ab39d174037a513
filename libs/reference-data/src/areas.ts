/** The reference city's 11 county-level areas (administrative division codes) and a short code for ids. */
export interface Area {
  code: string;
  name: string;
  /** Short pinyin code used in unit ids and usernames, e.g. `dc` for 德城区. */
  short: string;
}

export const AREAS: readonly Area[] = [
  { code: '371402', name: '德城区', short: 'dc' },
  { code: '371403', name: '陵城区', short: 'lc' },
  { code: '371422', name: '宁津县', short: 'nj' },
  { code: '371423', name: '庆云县', short: 'qy' },
  { code: '371424', name: '临邑县', short: 'ly' },
  { code: '371425', name: '齐河县', short: 'qh' },
  { code: '371426', name: '平原县', short: 'py' },
  { code: '371427', name: '夏津县', short: 'xj' },
  { code: '371428', name: '武城县', short: 'wc' },
  { code: '371481', name: '乐陵市', short: 'll' },
  { code: '371482', name: '禹城市', short: 'yc' },
];

export function areaByCode(code: string): Area | undefined {
  return AREAS.find((a) => a.code === code);
}

/** Matches an area by its full name or its name without the 区/县/市 suffix (德城区, 德城). */
export function areaByName(name: string): Area | undefined {
  const trimmed = name.trim();
  return AREAS.find((a) => a.name === trimmed || a.name.slice(0, -1) === trimmed);
}
