import {
  clusterMatters,
  findRepeatOf,
  laterRepeatsOf,
  jaccard,
  matterFingerprint,
  matterSimilarity,
  minhash,
  normalizeText,
  overlap,
  shingles,
  signatureSimilarity,
  type MatterItem,
} from './index';

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 2));

function item(id: string, person: string | null, d: number, title: string, areaCode = '371402'): MatterItem {
  return {
    id,
    personKeys: person ? [person] : [],
    receivedAt: day(d),
    fingerprint: matterFingerprint({ title, description: '' }),
    areaCode,
  };
}

describe('text similarity', () => {
  it('normalises width, case, punctuation and literal newlines away', () => {
    expect(normalizeText('Ａ３区，噪音\\n扰民！ OK')).toBe('a3区噪音扰民ok');
  });

  it('builds character bigrams and compares sets', () => {
    expect([...shingles('噪音扰民')]).toEqual(['噪音', '音扰', '扰民']);
    expect([...shingles('噪')]).toEqual(['噪']);
    expect(shingles('，。')).toEqual(new Set());
    expect(jaccard(shingles('噪音扰民'), shingles('噪音扰民'))).toBe(1);
    expect(jaccard(shingles('噪音扰民'), shingles('车辆违停'))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(overlap(shingles('噪音扰民'), shingles('夜间噪音扰民严重'))).toBe(1);
  });

  it('estimates Jaccard with MinHash signatures', () => {
    const a = shingles('德城区新华路夜市烧烤油烟噪音扰民严重，请求整治');
    const b = shingles('德城区新华路夜市烧烤油烟扰民，请有关部门整治');
    const estimate = signatureSimilarity(minhash(a), minhash(b));
    expect(Math.abs(estimate - jaccard(a, b))).toBeLessThan(0.15);
    expect(signatureSimilarity(minhash(a), minhash(a))).toBe(1);
    expect(signatureSimilarity(minhash([]), minhash([]))).toBe(0);
  });

  it('scores the same matter above different matters', () => {
    const noise = matterFingerprint({ title: '新华路夜市烧烤噪音扰民', description: '每晚到凌晨两点' });
    const again = matterFingerprint({ title: '再次反映新华路夜市烧烤噪音扰民', description: '问题依旧' });
    const other = matterFingerprint({ title: '咨询户籍迁移手续', description: '需要带哪些材料' });
    expect(matterSimilarity(noise, again)).toBeGreaterThan(0.5);
    expect(matterSimilarity(noise, other)).toBeLessThan(0.1);
  });
});

describe('repeats', () => {
  const options = { threshold: 0.4, windowDays: 30 };
  const first = item('a', 'p1', 1, '新华路夜市烧烤噪音扰民');

  it('links the same person’s similar item within the window to the earlier one', () => {
    expect(findRepeatOf(item('b', 'p1', 5, '再次反映新华路夜市烧烤噪音扰民'), [first], options)).toEqual({
      id: 'a',
      similarity: expect.any(Number) as number,
    });
  });

  it('does not link another person, another matter, a later item, an old item or an anonymous one', () => {
    expect(findRepeatOf(item('b', 'p2', 5, '新华路夜市烧烤噪音扰民'), [first], options)).toBeNull();
    expect(findRepeatOf(item('b', 'p1', 5, '咨询户籍迁移手续'), [first], options)).toBeNull();
    expect(findRepeatOf(item('b', 'p1', 40, '新华路夜市烧烤噪音扰民'), [first], options)).toBeNull();
    expect(findRepeatOf(item('z', 'p1', 0, '新华路夜市烧烤噪音扰民'), [first], options)).toBeNull();
    expect(findRepeatOf(item('b', null, 5, '新华路夜市烧烤噪音扰民'), [first], options)).toBeNull();
  });

  it('finds the later repeats of an item recorded late', () => {
    const later = [
      item('b', 'p1', 5, '再次反映新华路夜市烧烤噪音扰民'),
      item('c', 'p2', 5, '新华路夜市烧烤噪音扰民'),
      item('d', 'p1', 50, '新华路夜市烧烤噪音扰民'),
    ];
    expect(laterRepeatsOf(first, later, options).map((m) => m.id)).toEqual(['b']);
  });
});

describe('clusters', () => {
  const options = { threshold: 0.4, windowDays: 30, minPeople: 3 };

  it('groups similar items of many people in one area, not one person’s repeats or other areas', () => {
    const items = [
      item('1', 'p1', 1, '新华路夜市烧烤噪音扰民'),
      item('2', 'p2', 2, '新华路夜市烧烤噪音扰民严重'),
      item('3', null, 3, '新华路夜市烧烤噪音扰民问题'),
      item('4', 'p4', 4, '新华路夜市烧烤噪音扰民', '371403'),
      item('5', 'p5', 4, '咨询户籍迁移手续'),
      item('6', 'p6', 1, '天衢路工地夜间施工'),
      item('7', 'p6', 2, '天衢路工地夜间施工扰民'),
      item('8', 'p6', 3, '天衢路工地夜间施工噪音'),
    ];
    const clusters = clusterMatters(items, options);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ itemIds: ['1', '2', '3'], areaCode: '371402', people: 3 });
  });
});
