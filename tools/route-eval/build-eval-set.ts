import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DOMAIN_ITEMS } from './domain-items';
import { cleanText, labelFromReply, type ReplyLabel } from './reply-label';

/**
 * Builds the labelled evaluation sets for `npm run route:eval`:
 *  - apps/router/eval/tipdm-dev.jsonl and tipdm-test.jsonl: TipDM 2020 messages labelled from the unit named in
 *    the official reply (see reply-label.ts), split by message id (even → dev, odd → test). Rules may be tuned
 *    on dev only; test is the figure to report.
 *  - apps/router/eval/domain.jsonl: items written from DOMAIN.md's list.
 *
 *   node dist/tools/route-eval/build-eval-set.js [path/to/tipdm2020-messages-with-replies.tsv]
 */
const repoRoot = join(__dirname, '..', '..', '..');
const DATA_FILE = 'tipdm2020-messages-with-replies.tsv';
// The shared data sits next to the main checkout (../shared) or, from a worktree under wt/, one level further up.
const source =
  process.argv[2] ??
  [
    join(repoRoot, '..', 'shared', 'data', DATA_FILE),
    join(repoRoot, '..', '..', 'shared', 'data', DATA_FILE),
  ].find((p) => existsSync(p));
if (!source) {
  console.error(`usage: build-eval-set.js <${DATA_FILE}> (not found in ../shared/data)`);
  process.exit(2);
}
const outDir = join(repoRoot, 'apps', 'router', 'eval');

interface EvalItem {
  id: string;
  title: string;
  content: string;
  agency: string;
  source: string;
}

const rows = parse(readFileSync(source, 'utf8'), {
  delimiter: '\t',
  columns: true,
  quote: false,
  relax_column_count: true,
  skip_empty_lines: true,
}) as Record<string, string>[];

const counts: Record<ReplyLabel, number> = {
  police: 0,
  court: 0,
  justice: 0,
  procuratorate: 0,
  out_of_scope: 0,
  ambiguous: 0,
};
const dev: EvalItem[] = [];
const test: EvalItem[] = [];
for (const row of rows) {
  const id = row['留言编号'] ?? '';
  const label = labelFromReply(row['答复意见'] ?? '');
  counts[label] += 1;
  if (label === 'ambiguous') continue;
  const item = {
    id: `tipdm-${id}`,
    title: cleanText(row['留言主题'] ?? ''),
    content: cleanText(row['留言详情'] ?? ''),
    agency: label,
    source: 'tipdm2020',
  };
  (Number(id) % 2 === 0 ? dev : test).push(item);
}
const domain: EvalItem[] = DOMAIN_ITEMS.map(([agency, title, content], i) => ({
  id: `domain-${i + 1}`,
  title,
  content,
  agency,
  source: 'domain',
}));

const write = (name: string, items: EvalItem[]) => {
  writeFileSync(join(outDir, name), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  console.log(`${name}: ${items.length} items`);
};
write('tipdm-dev.jsonl', dev);
write('tipdm-test.jsonl', test);
write('domain.jsonl', domain);
console.log(`TipDM labels (${rows.length} messages): ${JSON.stringify(counts)}`);
