import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AREAS } from '@app/reference-data';

/**
 * What the bench's items say. `varied`: real citizens' messages (the router's evaluation sets, 2,658 TipDM
 * messages), each from its own citizen in one of the 11 areas, cycled — what a day at the window looks like.
 * `same`: one text from one citizen for every item, titled with the step's tag — the worst case for the
 * duplicate and hot-spot analysis, since every item is a near-duplicate of every other (the only load before
 * 2026-11-26).
 */
export const TEXTS = ['varied', 'same'] as const;
export type Texts = (typeof TEXTS)[number];

const CORPUS = ['tipdm-dev.jsonl', 'tipdm-test.jsonl'];
const REQUEST_TYPES = ['help', 'complaint', 'consultation', 'report', 'suggestion'] as const;
const TITLE_MAX = 100;
const DESCRIPTION_MAX = 5000;

const SAME_DESCRIPTION =
  '昨晚停在小区楼下的电动车被盗，车辆为蓝色雅迪，车牌号不详，楼道监控可能拍到了嫌疑人，请派出所调查处理并告知结果。';

/**
 * Request bodies for POST /api/v1/items, used in turn from a random start. Every citizen is named `tag`, so the
 * bench finds the step's items (names play no part in routing or in the analysis, which keys people by phone).
 */
export function itemBodies(tag: string, texts: Texts, repoRoot: string): string[] {
  if (texts === 'same') {
    return [
      JSON.stringify({
        title: tag,
        description: SAME_DESCRIPTION,
        requestType: 'help',
        location: { areaCode: '371402', areaName: '德城区', address: '新湖街道湖滨北路 12 号' },
        citizen: { name: tag, mobile: '13800138000' },
        urgency: 'normal',
      }),
    ];
  }
  const messages = corpus(repoRoot);
  const start = Math.floor(Math.random() * messages.length);
  return messages.map((_, n) => {
    const i = (start + n) % messages.length;
    const { title, content } = messages[i]!;
    const area = AREAS[i % AREAS.length]!;
    return JSON.stringify({
      title: clip(title, TITLE_MAX),
      description: clip(content || title, DESCRIPTION_MAX),
      requestType: REQUEST_TYPES[i % REQUEST_TYPES.length],
      location: {
        areaCode: area.code,
        areaName: area.name,
        address: `${area.name}人民路 ${(i % 200) + 1} 号`,
      },
      citizen: { name: tag, mobile: `139${String(10_000_000 + i).slice(-8)}` },
      urgency: 'normal',
    });
  });
}

/** At most `max` characters (code points, as intake counts them). */
const clip = (text: string, max: number) => [...text].slice(0, max).join('');

/** The messages' titles and texts, control characters (which intake refuses) turned into spaces. */
function corpus(repoRoot: string): { title: string; content: string }[] {
  // eslint-disable-next-line no-control-regex
  const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return CORPUS.flatMap((file) =>
    readFileSync(join(repoRoot, 'apps', 'router', 'eval', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const { title, content } = JSON.parse(line) as { title: string; content: string };
        return { title: clean(title) || '无标题', content: clean(content) };
      }),
  );
}
