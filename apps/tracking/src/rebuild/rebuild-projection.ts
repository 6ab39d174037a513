import type { DataSource } from 'typeorm';
import type { LogicalTopic } from '@app/contracts';
import { createKafka, readAllEvents, type ReplayedEvent } from '@app/messaging';
import { openDatabase } from '@app/persistence';
import { ItemsRepository } from '../persistence/items.repository';
import { trackingMigrations } from '../persistence/migrations';
import { loadSlaRules } from '../sla/sla-context';
import { deadlinesOf, pickPolicy } from '../domain/sla';

export interface RebuildOptions {
  databaseUrl: string;
  /** The live projection's schema. */
  liveSchema: string;
  brokers: string[];
  topicPrefix: string;
  log?: (line: string) => void;
}

export interface RebuildReport {
  events: number;
  skippedMessages: number;
  liveItems: number;
  rebuiltItems: number;
  liveTimeline: number;
  rebuiltTimeline: number;
  /** Outbox rows the live service has not published yet (their events are missing from the replay). */
  unpublished: number;
  identical: boolean;
  differences: { itemId: string; what: string }[];
}

const TOPICS: readonly LogicalTopic[] = ['intake', 'routing', 'tracking'];
const TOPIC_ORDER: Record<string, number> = { intake: 0, routing: 1, tracking: 2 };

/** Replay order: by the time each event happened; ties by topic (cause before effect), then offset. */
export function replayOrder(a: ReplayedEvent, b: ReplayedEvent): number {
  return (
    a.event.occurredAt.localeCompare(b.event.occurredAt) ||
    (TOPIC_ORDER[a.topic] ?? 0) - (TOPIC_ORDER[b.topic] ?? 0) ||
    a.partition - b.partition ||
    Number(BigInt(a.offset) - BigInt(b.offset))
  );
}

async function count(ds: DataSource, sql: string): Promise<number> {
  const rows = await ds.query<{ n: string }[]>(sql);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Proves the projection is a function of the topics: replays intake, routing and tracking from the beginning
 * into a fresh schema (`<live>_rebuild`) with the same fold and the live SLA rules, then compares every
 * item's state, deadlines and timeline with the live projection.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildReport> {
  const log = options.log ?? (() => undefined);
  const rebuildSchema = `${options.liveSchema}_rebuild`;
  const kafka = createKafka('yimen-tracking-rebuild', options.brokers);
  const { events, skipped } = await readAllEvents(kafka, options.topicPrefix, TOPICS);
  events.sort(replayOrder);
  log(`read ${events.length} events (${skipped} malformed skipped) from ${TOPICS.join(', ')}`);

  const target = await openDatabase({
    url: options.databaseUrl,
    schema: rebuildSchema,
    poolSize: 2,
    applicationName: 'yimen-tracking-rebuild',
    entities: [],
    migrations: trackingMigrations,
  });
  try {
    const live = options.liveSchema;
    const r = rebuildSchema;
    await target.transaction(async (m) => {
      for (const table of ['items', 'timeline', 'notifications', 'sla_policies', 'calendar_days']) {
        await m.query(`TRUNCATE ${r}.${table}`);
      }
      // The same rules as the live service, so deadlines come out the same.
      await m.query(`INSERT INTO ${r}.sla_policies SELECT * FROM ${live}.sla_policies`);
      await m.query(`INSERT INTO ${r}.calendar_days SELECT * FROM ${live}.calendar_days`);
    });
    const { policies, calendar } = await loadSlaRules(target.manager);
    const repository = new ItemsRepository(target);
    const deadlinesFor = (s: Parameters<typeof deadlinesOf>[0]) =>
      deadlinesOf(s, pickPolicy(policies, s), calendar);
    for (let i = 0; i < events.length; i += 1000) {
      await target.transaction(async (m) => {
        await repository.applyAll(
          m,
          events.slice(i, i + 1000).map(({ event }) => event),
          deadlinesFor,
        );
      });
    }

    const differences = await target.query<{ item_id: string; what: string }[]>(
      `WITH l AS (SELECT item_id, status, state, sign_by, contact_by, resolve_by FROM ${live}.items),
            b AS (SELECT item_id, status, state, sign_by, contact_by, resolve_by FROM ${r}.items),
            lt AS (SELECT item_id, array_agg(event_id ORDER BY event_id) AS ids FROM ${live}.timeline GROUP BY item_id),
            bt AS (SELECT item_id, array_agg(event_id ORDER BY event_id) AS ids FROM ${r}.timeline GROUP BY item_id)
       SELECT COALESCE(l.item_id, b.item_id)::text AS item_id,
              CASE WHEN l.item_id IS NULL THEN 'only in the rebuild'
                   WHEN b.item_id IS NULL THEN 'only in the live projection'
                   WHEN l.status IS DISTINCT FROM b.status THEN 'status ' || l.status || ' / ' || b.status
                   WHEN l.state IS DISTINCT FROM b.state THEN 'state'
                   ELSE 'deadlines' END AS what
       FROM l FULL JOIN b USING (item_id)
       WHERE l.item_id IS NULL OR b.item_id IS NULL OR l.status IS DISTINCT FROM b.status
          OR l.state IS DISTINCT FROM b.state OR l.sign_by IS DISTINCT FROM b.sign_by
          OR l.contact_by IS DISTINCT FROM b.contact_by OR l.resolve_by IS DISTINCT FROM b.resolve_by
       UNION ALL
       SELECT COALESCE(lt.item_id, bt.item_id)::text, 'timeline'
       FROM lt FULL JOIN bt USING (item_id) WHERE lt.ids IS DISTINCT FROM bt.ids
       ORDER BY 1 LIMIT 100`,
    );
    const report: RebuildReport = {
      events: events.length,
      skippedMessages: skipped,
      liveItems: await count(target, `SELECT count(*) AS n FROM ${live}.items`),
      rebuiltItems: await count(target, `SELECT count(*) AS n FROM ${r}.items`),
      liveTimeline: await count(target, `SELECT count(*) AS n FROM ${live}.timeline`),
      rebuiltTimeline: await count(target, `SELECT count(*) AS n FROM ${r}.timeline`),
      unpublished: await count(target, `SELECT count(*) AS n FROM ${live}.outbox WHERE sent_at IS NULL`),
      identical: differences.length === 0,
      differences: differences.map((d) => ({ itemId: d.item_id, what: d.what })),
    };
    return report;
  } finally {
    await target.destroy();
  }
}
