import type { BenchResults, IntakeFigure } from './results';

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Intake's closed-loop figures, each with what it measured. */
/** A ratio as the report's ratio column shows it ("12.3% of pg"); empty without one. */
function share(ratio: number | undefined, of: string): string {
  return ratio === undefined ? '' : `${(ratio * 100).toFixed(1)}% of ${of}`;
}

function intakeFigures(r: BenchResults): [string, IntakeFigure][] {
  const figures: [string, IntakeFigure][] = [];
  if (r.intake) figures.push(['(closed loop)', r.intake]);
  if (r.intake?.alone) figures.push(['alone (router, tracking paused)', r.intake.alone]);
  return figures;
}

/** The final table the bench prints (the JSON file holds everything, including backlog samples). */
export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  out.push(
    `一门进出 bench ${r.runId}${r.label ? ` (${r.label})` : ''} @ ${r.commit} — ${r.machine.cpus} CPUs, ` +
      `load average ${r.machine.loadavgStart.map((l) => l.toFixed(2)).join(' ')} → ` +
      `${r.machine.loadavgEnd.map((l) => l.toFixed(2)).join(' ')}; ${r.system}; ${r.options.texts ?? 'same'} texts`,
  );
  out.push('');
  const rows: (string | number)[][] = [];
  if (r.baselines) {
    const b = r.baselines;
    rows.push(['raw pg single-row INSERT', `${r.options.concurrency} conns`, b.pgInsert.perSecond, '']);
    rows.push(['raw kafkajs produce (acks=all, batch 500)', '1 producer', b.kafka.produce.perSecond, '']);
    rows.push(['raw kafkajs consume', '1 consumer', b.kafka.consume.perSecond, '']);
    const c = b.commits;
    rows.push(['probe: one counter row, sync commit', '16 conns', c.counterSync.perSecond, '']);
    rows.push(['probe: one counter row, ASYNC_COMMIT', '16 conns', c.counterAsync.perSecond, '']);
    rows.push(['probe: insert + pg_notify per tx', '16 conns', c.insertWithNotify.perSecond, '']);
    rows.push(['probe: insert per tx, no notify', '16 conns', c.insertWithoutNotify.perSecond, '']);
    const h = b.httpInsert;
    if (h) {
      rows.push([
        'bare node:http + pg INSERT per request',
        `${h.concurrency} conns`,
        h.perSecond,
        share(h.perSecond / b.pgInsert.perSecond, 'pg'),
      ]);
    }
  }
  for (const [what, figure] of intakeFigures(r)) {
    rows.push([
      `intake POST /api/v1/items ${what}`,
      `${figure.concurrency} conns`,
      figure.itemsPerSecond,
      [share(figure.ratioToPgInsert, 'pg'), share(figure.ratioToHttpInsert, 'bare http')]
        .filter(Boolean)
        .join(', '),
    ]);
  }
  if (rows.length > 0) out.push(table(['throughput', 'concurrency', 'per second', 'ratio'], rows), '');
  if (r.steps.length > 0) {
    out.push(
      table(
        [
          'step',
          'offered/s',
          'accepted/s',
          'assigned p50',
          'p95',
          'p99',
          'max',
          'tracked p50',
          'p95',
          'p99',
          'max',
          'backlog slope/s',
          'sustained',
        ],
        r.steps.map((s) => [
          s.kind,
          s.offeredRate,
          s.acceptedRate,
          s.assigned.p50,
          s.assigned.p95,
          s.assigned.p99,
          s.assigned.max,
          s.tracked.p50,
          s.tracked.p95,
          s.tracked.p99,
          s.tracked.max,
          s.backlogSlope,
          s.verdict.sustained ? 'yes' : `no (${s.verdict.reasons.join('; ')})`,
        ]),
      ),
    );
    out.push(
      'latencies in ms from intake receivedAt to the routing decision / complete tracking row (DB timestamps)',
    );
    out.push(
      `highest sustained end-to-end rate (p99 accepted→assigned < ${r.options.p99LimitMs} ms, no growth of the items not yet assigned and tracked): ` +
        `${r.highestSustainedRate ?? 'none'} items/s`,
      '',
    );
  }
  const cpuRows: (string | number)[][] = [];
  const names = ['load', 'intake', 'router', 'tracking', 'broker', 'postgres', 'pgCommits'];
  for (const [what, figure] of intakeFigures(r))
    cpuRows.push([`intake ${what}`, ...names.map((n) => figure.cpuMsPerItem[n] ?? '')]);
  for (const s of r.steps)
    cpuRows.push([`${s.kind} ${s.offeredRate}/s`, ...names.map((n) => s.cpuMsPerItem[n] ?? '')]);
  const floor = r.baselines?.httpInsert?.cpuMsPerItem;
  if (floor) {
    const column = (n: string) => (n === 'intake' ? floor.server : floor[n]) ?? '';
    cpuRows.push(['bare http + INSERT (server as intake)', ...names.map(column)]);
  }
  if (cpuRows.length > 0) {
    out.push(table(['CPU ms per item', ...names.slice(0, -1), 'PG commits/item'], cpuRows));
    out.push(
      '(CPU time each process used over the phase, load and drain, and transactions committed in the bench ' +
        'database, divided by the items accepted)',
      '',
    );
  }
  out.push(
    `RSS at end (MiB): ${Object.entries(r.memoryMiB)
      .map(([k, v]) => `${k} ${v ?? '?'}`)
      .join(', ')}`,
  );
  return out.join('\n');
}
