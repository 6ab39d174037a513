import { Client } from 'pg';

/**
 * Where the bench reads the pipeline's own timestamps. These are the only places it depends on the services'
 * schemas; everything else goes through POST /api/v1/items. A step's items are those received since it began:
 * steps run one after the other, each drained before the next. (Against a running system with other traffic,
 * that traffic counts too. The items carry the step's tag as the citizen's name, for inspection; matching on
 * it here detoasted every payload once a second, 46 ms of PostgreSQL CPU per probe.)
 *
 * Progress is counted incrementally: the items received before a step's watermark are all assigned and tracked,
 * and are counted once; each probe looks up only the items since it (the backlog and the last second's arrivals)
 * by index. (Until 2026-11-26 each probe counted the whole step and scanned router.route_decisions and
 * tracking.items whole: 17–47 ms of PostgreSQL a probe, growing with the database and the step.)
 *  - accepted: intake.items.received_at (the receivedAt intake stamps and returns with the receipt);
 *  - assigned: the first router.route_decisions.decided_at of the item (written at the end of the router's batch
 *    transaction, just before its commit: clock_timestamp(), since migration DecisionTimeAtWrite17655000000000);
 *  - tracked: when tracking recorded the later of the item's ItemReceived and its first routing outcome
 *    (ItemRouted, or ItemTriaged for the committee's queue) in its timeline: tracking.timeline.recorded_at, the
 *    database clock at the timeline insert, right after the inbox claim that starts tracking's batch
 *    transaction (migration TimelineRecordedAt17655000000000). Until 2026-11-26 it was
 *    tracking.items.updated_at, the time the item's last event occurred at its producer, not when tracking
 *    recorded it.
 */
/** When tracking recorded the item's first event of these types. */
const recorded = (types: string) =>
  `(SELECT min(tl.recorded_at) FROM tracking.timeline tl WHERE tl.item_id = i.id AND tl.event_type IN (${types}))`;
/** The tracking row has the routing outcome: an agency, or the committee's triage queue. */
const routed = (alias: string) => `(${alias}.agency IS NOT NULL OR ${alias}.status = 'triage')`;
/** The intake row is one of the step's items (received since $1). */
const ofStep = (alias: string) => `${alias}.received_at >= $1`;

const SQL = {
  /**
   * The step's items received since the watermark $1: how many, how many assigned and tracked, and the new
   * watermark (the first of them not yet both, as text to keep microseconds; or the last of them when all are)
   * with the number of them before it, which are settled. The LIMITed laterals keep the look-ups per item and by
   * index: as EXISTS, without statistics (autovacuum off), the planner hashed both tables whole.
   */
  progress: `WITH pending AS MATERIALIZED (
      SELECT i.received_at, a.item IS NOT NULL AS assigned, t.item IS NOT NULL AS tracked
      FROM intake.items i
      LEFT JOIN LATERAL (SELECT r.item_id AS item FROM router.route_decisions r WHERE r.item_id = i.id LIMIT 1) a
        ON true
      LEFT JOIN LATERAL (SELECT t.item_id AS item FROM tracking.items t
        WHERE t.item_id = i.id AND t.received_at IS NOT NULL AND ${routed('t')} LIMIT 1) t ON true
      WHERE ${ofStep('i')}),
    mark AS (SELECT COALESCE(min(received_at) FILTER (WHERE NOT (assigned AND tracked)), max(received_at)) AS at
      FROM pending)
    SELECT count(p.received_at)::int AS accepted,
      (count(*) FILTER (WHERE p.assigned))::int AS assigned,
      (count(*) FILTER (WHERE p.tracked))::int AS tracked,
      (count(*) FILTER (WHERE p.received_at < mark.at))::int AS settled,
      mark.at::text AS watermark,
      (SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL)::int AS "intakeOutbox",
      (SELECT count(*) FROM router.outbox WHERE sent_at IS NULL)::int AS "routerOutbox"
    FROM mark LEFT JOIN pending p ON true GROUP BY mark.at`,
  latencies: `SELECT
      extract(epoch FROM d.decided_at - i.received_at) * 1000 AS "assignedMs",
      CASE WHEN t.item_id IS NOT NULL THEN extract(epoch FROM
        GREATEST(${recorded("'ItemReceived'")}, ${recorded("'ItemRouted', 'ItemTriaged'")}) - i.received_at) * 1000
      END AS "trackedMs"
    FROM intake.items i
    LEFT JOIN LATERAL (SELECT min(decided_at) AS decided_at FROM router.route_decisions r WHERE r.item_id = i.id) d
      ON true
    LEFT JOIN tracking.items t ON t.item_id = i.id AND t.received_at IS NOT NULL AND ${routed('t')}
    WHERE ${ofStep('i')}`,
};

export interface PipelineProgress {
  accepted: number;
  assigned: number;
  tracked: number;
  intakeOutbox: number;
  routerOutbox: number;
}

export interface ItemLatencies {
  assignedMs: number[];
  trackedMs: number[];
  /** Items with no routing decision / no complete tracking row. */
  unassigned: number;
  untracked: number;
}

export class PipelineProbe {
  /** Per step (by its start): its items received before `watermark`, all assigned and tracked, are `settled`. */
  private readonly steps = new Map<number, { watermark: string; settled: number }>();

  private constructor(private readonly client: Client) {}

  static async connect(databaseUrl: string): Promise<PipelineProbe> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'bench-probe' });
    await client.connect();
    return new PipelineProbe(client);
  }

  /** Items of the step begun at `since` accepted, assigned and tracked so far. */
  async progress(since: Date): Promise<PipelineProgress> {
    const step = this.steps.get(since.getTime()) ?? { watermark: since.toISOString(), settled: 0 };
    const { rows } = await this.client.query<
      PipelineProgress & { settled: number; watermark: string | null }
    >(SQL.progress, [step.watermark]);
    const { settled, watermark, ...counts } = rows[0]!;
    if (watermark !== null) this.steps.set(since.getTime(), { watermark, settled: step.settled + settled });
    return {
      ...counts,
      accepted: step.settled + counts.accepted,
      assigned: step.settled + counts.assigned,
      tracked: step.settled + counts.tracked,
    };
  }

  async latencies(since: Date): Promise<ItemLatencies> {
    const { rows } = await this.client.query<{ assignedMs: string | null; trackedMs: string | null }>(
      SQL.latencies,
      [since],
    );
    const result: ItemLatencies = { assignedMs: [], trackedMs: [], unassigned: 0, untracked: 0 };
    for (const row of rows) {
      if (row.assignedMs === null) result.unassigned++;
      else result.assignedMs.push(Math.round(Number(row.assignedMs)));
      if (row.trackedMs === null) result.untracked++;
      else result.trackedMs.push(Math.round(Number(row.trackedMs)));
    }
    return result;
  }

  /** Transactions committed in this database so far (pg_stat_database; flushed by backends about once a second). */
  async commits(): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>(
      `SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The probe's own server process (its parent is the PostgreSQL server, when it runs on this machine). */
  async backendPid(): Promise<number> {
    const { rows } = await this.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return rows[0]!.pid;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
