import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AREAS } from '@app/reference-data';

/**
 * What the bench's items say. `varied`: real citizens' messages (the router's evaluation sets, 2,658 TipDM
 * messages), each from its own citizen in one of the 11 areas, cycled — what a day at the window looks like.
 * `same`: one text from one citizen for every item — the worst case for the duplicate and hot-spot analysis,
 * since every item is a near-duplicate of every other (the only load before 2026-11-26).
 */
export const TEXTS = ['varied', 'same'] as const;
export type Texts = (typeof TEXTS)[number];

const CORPUS = ['tipdm-dev.jsonl', 'tipdm-test.jsonl'];
const REQUEST_TYPES = ['help', 'complaint', 'consultation', 'report', 'suggestion'] as const;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟'];
const DESCRIPTION_MAX = 5000;

const SAME_DESCRIPTION =
  '昨晚停在小区楼下的电动车被盗，车辆为蓝色雅迪，车牌号不详，楼道监控可能拍到了嫌疑人，请派出所调查处理并告知结果。';

/** Request bodies for POST /api/v1/items, every title `tag` so the bench finds its items; cycled by the load. */
export function itemBodies(tag: string, texts: Texts, repoRoot: string): string[] {
  if (texts === 'same') {
    return [
      JSON.stringify({
        title: tag,
        description: SAME_DESCRIPTION,
        requestType: 'help',
        location: { areaCode: '371402', areaName: '德城区', address: '新湖街道湖滨北路 12 号' },
        citizen: { name: '张三', mobile: '13800138000' },
        urgency: 'normal',
      }),
    ];
  }
  return corpus(repoRoot).map((message, i) => {
    const area = AREAS[i % AREAS.length]!;
    return JSON.stringify({
      title: tag,
      description: [...message].slice(0, DESCRIPTION_MAX).join(''),
      requestType: REQUEST_TYPES[i % REQUEST_TYPES.length],
      location: {
        areaCode: area.code,
        areaName: area.name,
        address: `${area.name}人民路 ${(i % 200) + 1} 号`,
      },
      citizen: {
        name: SURNAMES[i % SURNAMES.length]! + GIVEN[i % GIVEN.length]!,
        mobile: `139${String(10_000_000 + i).slice(-8)}`,
      },
      urgency: 'normal',
    });
  });
}

/** Each message as `title：content`, control characters (which intake refuses) turned into spaces. */
function corpus(repoRoot: string): string[] {
  return CORPUS.flatMap((file) =>
    readFileSync(join(repoRoot, 'apps', 'router', 'eval', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const { title, content } = JSON.parse(line) as { title: string; content: string };
        // eslint-disable-next-line no-control-regex
        return `${title}：${content}`.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
      }),
  );
}
