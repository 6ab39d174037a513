import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  clusterMatters,
  DEFAULT_CLUSTER_OPTIONS,
  DEFAULT_REPEAT_OPTIONS,
  findRepeatOf,
  jaccard,
  matterFingerprint,
  matterSimilarity,
  normalizeText,
  shingles,
  type MatterItem,
} from '@app/similarity';

/**
 * Measures repeat detection and clustering on the TipDM 2020 messages (real repeats, 留言用户 = user id).
 * Reference pairs and the reasoning behind them: tools/dup-eval/METHOD.md.
 *   npm run dup:eval [-- <messages.tsv>]
 */

interface Message {
  id: string;
  user: string;
  title: string;
  at: Date;
  body: string;
}

const DATA_CANDIDATES = [
  '../shared/data/tipdm2020-messages-unlabelled.tsv',
  '../../shared/data/tipdm2020-messages-unlabelled.tsv',
  '/work/shared/data/tipdm2020-messages-unlabelled.tsv',
];

function readMessages(path: string): Message[] {
  const [, ...lines] = readFileSync(path, 'utf8').split('\n');
  return lines
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [id = '', user = '', title = '', time = '', body = ''] = line.split('\t');
      // 2019/2/28 11:25:05, local time of the board; read as UTC+8.
      const [d = '', t = '0:0:0'] = time.trim().split(' ');
      const [y, mo, da] = d.split('/').map(Number);
      const [h, mi, s] = t.split(':').map(Number);
      const at = new Date(Date.UTC(y ?? 1970, (mo ?? 1) - 1, da ?? 1, (h ?? 0) - 8, mi ?? 0, s ?? 0));
      return { id, user, title, at, body };
    });
}

function readHandLabels(path: string): Map<string, boolean> {
  const labels = new Map<string, boolean>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [a = '', b = '', label] = line.split('\t');
    labels.set(pairKey(a, b), label === '1');
  }
  return labels;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Area of a TipDM message: the anonymised district in its title (A3区, A7县), else the city (A市). */
function areaOf(m: Message): string {
  return /A\d+[区县]/.exec(m.title)?.[0] ?? 'A市';
}

interface Scored {
  key: string;
  similarity: number;
  daysApart: number;
  auto: boolean | undefined;
  hand: boolean | undefined;
}

function prf(rows: readonly { truth: boolean; predicted: boolean }[]) {
  const tp = rows.filter((r) => r.truth && r.predicted).length;
  const fp = rows.filter((r) => !r.truth && r.predicted).length;
  const fn = rows.filter((r) => r.truth && !r.predicted).length;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function main(argv: string[]): number {
  const dataPath = argv[0] ?? DATA_CANDIDATES.find((p) => existsSync(p));
  if (!dataPath || !existsSync(dataPath)) {
    console.error(`找不到数据文件 / data file not found; pass its path: npm run dup:eval -- <tsv>`);
    return 2;
  }
  const handPath = resolve(join(__dirname, '../../../tools/dup-eval/hand-labels.tsv'));
  const messages = readMessages(dataPath);
  const hand = readHandLabels(handPath);
  const fingerprints = new Map(
    messages.map((m) => [m.id, matterFingerprint({ title: m.title, description: m.body })]),
  );
  const titleSets = new Map(messages.map((m) => [m.id, shingles(m.title)]));
  const fullSets = new Map(messages.map((m) => [m.id, shingles(`${m.title} ${m.body}`)]));

  const byUser = new Map<string, Message[]>();
  for (const m of messages) byUser.set(m.user, [...(byUser.get(m.user) ?? []), m]);

  // Every pair of messages by the same user, with the automatic reference label where the rule gives one.
  const scored: Scored[] = [];
  for (const own of byUser.values()) {
    for (let i = 0; i < own.length; i += 1) {
      for (let j = i + 1; j < own.length; j += 1) {
        const a = own[i] as Message;
        const b = own[j] as Message;
        const tj = jaccard(titleSets.get(a.id) ?? new Set(), titleSets.get(b.id) ?? new Set());
        const fj = jaccard(fullSets.get(a.id) ?? new Set(), fullSets.get(b.id) ?? new Set());
        const sameTitle = normalizeText(a.title) === normalizeText(b.title);
        const auto = sameTitle || tj >= 0.8 || fj >= 0.8 ? true : tj < 0.1 && fj < 0.1 ? false : undefined;
        const key = pairKey(a.id, b.id);
        scored.push({
          key,
          similarity: matterSimilarity(fingerprints.get(a.id)!, fingerprints.get(b.id)!),
          daysApart: Math.abs(a.at.getTime() - b.at.getTime()) / 86_400_000,
          auto,
          hand: hand.get(key),
        });
      }
    }
  }
  const autoPairs = scored.filter((s) => s.auto !== undefined);
  const handPairs = scored.filter((s) => s.hand !== undefined);
  console.log(`数据 / data: ${dataPath}`);
  console.log(
    `${messages.length} messages, ${byUser.size} users, ${scored.length} same-user pairs; ` +
      `reference: automatic ${autoPairs.filter((s) => s.auto).length} repeats + ${autoPairs.filter((s) => !s.auto).length} non-repeats, ` +
      `hand-checked ${handPairs.filter((s) => s.hand).length} repeats + ${handPairs.filter((s) => !s.hand).length} non-repeats`,
  );

  const { threshold, windowDays } = DEFAULT_REPEAT_OPTIONS;
  console.log(`\nRepeat detector: same user, similarity ≥ t, within ${windowDays} days`);
  console.log('   t   | hand-checked P / R / F1        | automatic P / R / F1');
  for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]) {
    const predicted = (s: Scored) => s.similarity >= t && s.daysApart <= windowDays;
    const h = prf(handPairs.map((s) => ({ truth: s.hand === true, predicted: predicted(s) })));
    const a = prf(autoPairs.map((s) => ({ truth: s.auto === true, predicted: predicted(s) })));
    const mark = t === threshold ? ' ◀ chosen' : '';
    console.log(
      ` ${t.toFixed(2)} | ${pct(h.precision)} / ${pct(h.recall)} / ${pct(h.f1)}`.padEnd(40) +
        `| ${pct(a.precision)} / ${pct(a.recall)} / ${pct(a.f1)}${mark}`,
    );
  }
  const chosen = (s: Scored) => s.similarity >= threshold && s.daysApart <= windowDays;
  const all = [...new Map([...autoPairs, ...handPairs].map((s) => [s.key, s])).values()].map((s) => ({
    truth: s.hand ?? s.auto === true,
    predicted: chosen(s),
  }));
  const combined = prf(all);
  console.log(
    `\nAt t=${threshold}, window ${windowDays} d, over all reference pairs (hand label wins): ` +
      `precision ${pct(combined.precision)}, recall ${pct(combined.recall)} ` +
      `(TP ${combined.tp}, FP ${combined.fp}, FN ${combined.fn})`,
  );

  const noWindow = prf(
    autoPairs.map((s) => ({ truth: s.auto === true, predicted: s.similarity >= threshold })),
  );
  const late = autoPairs.filter((s) => s.auto && s.daysApart > windowDays).length;
  console.log(
    `Automatic repeats further apart than ${windowDays} d: ${late}; without the window the automatic recall is ${pct(noWindow.recall)}`,
  );

  // Repeats as the system links them: each message against the same user's earlier ones.
  const items: MatterItem[] = messages.map((m) => ({
    id: m.id,
    personKeys: [m.user],
    receivedAt: m.at,
    fingerprint: fingerprints.get(m.id)!,
    areaCode: areaOf(m),
  }));
  const itemsByUser = new Map<string, MatterItem[]>();
  for (const item of items) {
    const user = item.personKeys[0] as string;
    itemsByUser.set(user, [...(itemsByUser.get(user) ?? []), item]);
  }
  const repeats = items.filter((item) =>
    findRepeatOf(item, itemsByUser.get(item.personKeys[0] as string) ?? [], DEFAULT_REPEAT_OPTIONS),
  ).length;
  console.log(`Linked as repeats: ${repeats} of ${messages.length} messages (counted once in the rates)`);

  const started = Date.now();
  const clusters = clusterMatters(items, DEFAULT_CLUSTER_OPTIONS);
  const o = DEFAULT_CLUSTER_OPTIONS;
  console.log(
    `\nClusters (same area, similarity ≥ ${o.threshold}, linked within ${o.windowDays} d, ≥ ${o.minPeople} people): ` +
      `${clusters.length} clusters covering ${clusters.reduce((n, c) => n + c.itemIds.length, 0)} messages ` +
      `(${Date.now() - started} ms)`,
  );
  const titles = new Map(messages.map((m) => [m.id, m.title]));
  for (const c of clusters.slice(0, 8)) {
    console.log(
      `  ${c.areaCode} · ${c.itemIds.length} items · ${c.people} people · ${c.firstAt.toISOString().slice(0, 10)}…${c.lastAt
        .toISOString()
        .slice(0, 10)} · e.g. ${titles.get(c.itemIds[0] as string)}`,
    );
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
