import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OccasionalVacuum, queryInChunks } from '@app/persistence';
import type { MatterFingerprint } from '@app/similarity';
import { lockItems } from '../../persistence/item-locks';
import { emptyFacts, onTime, statusOf, type ItemFacts } from '../domain/item-facts';

/** An item pointed at the first case of its chain of repeats. */
export interface RepeatLink {
  itemId: string;
  root: string;
  similarity: number;
}

/** Most earlier items compared with a new one, for repeats and for hot spots each. */
const CANDIDATE_LIMIT = 100;
/**
 * Latest items read per LSH band (32 bands per item): items sharing a band are near-duplicates, so a band's
 * latest few already hold a hot spot's member, and a hot spot of identical texts reads 320 index entries per
 * new item instead of 3,200.
 */
const BAND_LIMIT = 10;

/** A key table of candidate look-ups: key (hashed), item, time, its primary key (key, received_at, item_id). */
interface KeyIndex {
  table: string;
  keyColumn: string;
  /** Newest items read per key. */
  perKey: number;
}
/**
 * Who an item counts as in a hot spot's people: its first person key, or itself when anonymous. The same
 * expression is indexed with cluster_id (migration HotSpotPeople17654000000000).
 */
const hotSpotPerson = (alias: string) => `COALESCE(${alias}person_keys[1], ${alias}item_id::text)`;

const PERSON_KEYS: KeyIndex = { table: 'item_person_keys', keyColumn: 'person_key', perKey: CANDIDATE_LIMIT };
const LSH_BANDS: KeyIndex = { table: 'item_lsh', keyColumn: 'band_key', perKey: BAND_LIMIT };
/*
 * The candidate queries bound time only from above inside the per-key LATERAL (a newest-first index scan that
 * stops after its LIMIT) and from below outside it. With both bounds inside, a table without statistics
 * (autovacuum off, or not yet analysed) made the planner expect ~2 rows per key and pick a bitmap scan that
 * reads and sorts every row of the key: 26 ms per item for 1,500 items sharing a band, against 1.8 ms.
 */

/** Facts plus what repeat and hot-spot detection keep: hashed person keys and the text fingerprint. */
export interface StoredFacts extends ItemFacts {
  personKeys: string[];
  fingerprint: MatterFingerprint | null;
}

/**
 * What repeat and hot-spot detection read of the other items: a handful of columns. Candidate lookups return
 * every same-person / same-bucket item in the window, so reading and converting whole rows (the profile: row
 * parsing and `fromRow` were most of tracking's CPU) costs per candidate, not per event.
 */
export type Candidate = Pick<
  StoredFacts,
  'itemId' | 'personKeys' | 'receivedAt' | 'fingerprint' | 'areaCode' | 'repeatOf' | 'clusterId' | 'title'
>;

const CANDIDATE_COLUMNS =
  'item_id, person_keys, received_at, fingerprint, area_code, repeat_of, cluster_id, title';

type Row = Record<string, unknown>;

/** Field ↔ column; dates are timestamptz and come back as Date. */
const COLUMNS: readonly [
  keyof StoredFacts,
  string,
  'text' | 'date' | 'int' | 'bool' | 'keys' | 'json' | 'uuid',
][] = [
  ['itemId', 'item_id', 'uuid'],
  ['receiptNo', 'receipt_no', 'text'],
  ['channel', 'channel', 'text'],
  ['requestType', 'request_type', 'text'],
  ['urgency', 'urgency', 'text'],
  ['category', 'category', 'text'],
  ['areaCode', 'area_code', 'text'],
  ['agency', 'agency', 'text'],
  ['unitId', 'unit_id', 'text'],
  ['workerId', 'worker_id', 'text'],
  ['title', 'title', 'text'],
  ['personKeys', 'person_keys', 'keys'],
  ['fingerprint', 'fingerprint', 'json'],
  ['routeRound', 'route_round', 'int'],
  ['receivedAt', 'received_at', 'date'],
  ['triagedAt', 'triaged_at', 'date'],
  ['routedAt', 'routed_at', 'date'],
  ['signedAt', 'signed_at', 'date'],
  ['firstContactAt', 'first_contact_at', 'date'],
  ['resolvedAt', 'resolved_at', 'date'],
  ['followedUpAt', 'followed_up_at', 'date'],
  ['closedAt', 'closed_at', 'date'],
  ['signDeadline', 'sign_deadline', 'date'],
  ['contactDeadline', 'contact_deadline', 'date'],
  ['resolveDeadline', 'resolve_deadline', 'date'],
  ['returns', 'returns', 'int'],
  ['misrouted', 'misrouted', 'bool'],
  ['extensions', 'extensions', 'int'],
  ['escalations', 'escalations', 'int'],
  ['redos', 'redos', 'int'],
  ['suspended', 'suspended', 'bool'],
  ['referredOut', 'referred_out', 'bool'],
  ['satisfaction', 'satisfaction', 'text'],
  ['outcome', 'outcome', 'text'],
  ['repeatOf', 'repeat_of', 'uuid'],
  ['clusterId', 'cluster_id', 'uuid'],
];

const REPORT_COLUMNS = COLUMNS.filter(([, , kind]) => kind !== 'json' && kind !== 'keys')
  .map(([, column]) => column)
  .join(', ');

function fromRow(row: Row): StoredFacts {
  const facts: Record<string, unknown> = {
    ...emptyFacts(String(row.item_id)),
    personKeys: [],
    fingerprint: null,
  };
  for (const [field, column, kind] of COLUMNS) {
    const v = row[column];
    if (v === null || v === undefined) continue;
    facts[field] = kind === 'date' ? (v as Date).toISOString() : v;
  }
  return facts as unknown as StoredFacts;
}

function candidateFromRow(row: Row): Candidate {
  const receivedAt = row.received_at as Date | null;
  return {
    itemId: String(row.item_id),
    personKeys: (row.person_keys as string[] | null) ?? [],
    receivedAt: receivedAt ? receivedAt.toISOString() : null,
    fingerprint: (row.fingerprint as MatterFingerprint | null) ?? null,
    areaCode: (row.area_code as string | null) ?? null,
    repeatOf: (row.repeat_of as string | null) ?? null,
    clusterId: (row.cluster_id as string | null) ?? null,
    title: (row.title as string | null) ?? null,
  };
}

/** A new item's candidate look-up: its keys (person or LSH band), its time, and the window around it. */
export interface CandidateQuery {
  itemId: string;
  keys: string[];
  receivedAt: Date;
  from: Date;
  to: Date;
}

/**
 * A received item's look-ups: the same person's items (repeats), the latest CANDIDATE_LIMIT per person key so that
 * a caller with thousands of items (a test sender, a persistent petitioner) costs no more per item; and the items
 * sharing an LSH bucket (hot spots), BAND_LIMIT per band (joining a large hot spot needs only one member of it).
 */
type Lookup = 'samePerson' | 'buckets';
const KEY_INDEXES: Record<Lookup, KeyIndex> = { samePerson: PERSON_KEYS, buckets: LSH_BANDS };
/** Each look-up of a received item, null where the item is not checked (no fingerprint; no person keys). */
export type ItemLookups = Record<Lookup, CandidateQuery | null>;
/** Each look-up's candidates, null where the item had no such look-up. */
export type ItemCandidates = Record<Lookup, Candidate[] | null>;

/**
 * A batch's look-ups of one kind, in the batch's order, as parameter arrays: all their keys in one array, and per
 * look-up its item, its times and the positions of its keys in that array (1-based, inclusive).
 */
function lookupBatch(lookups: readonly ItemLookups[], lookup: Lookup) {
  const queries = lookups.flatMap((l, item) => {
    const query = l[lookup];
    return query ? [{ item, query }] : [];
  });
  let lastKey = 0;
  const keyRanges = queries.map(({ query }) => {
    const first = lastKey + 1;
    lastKey += query.keys.length;
    return { first, last: lastKey };
  });
  return {
    lookup,
    index: KEY_INDEXES[lookup],
    /** The batch's item (position in `lookups`) of each look-up. */
    queries,
    keys: queries.flatMap(({ query }) => query.keys),
    itemIds: queries.map(({ query }) => query.itemId),
    receivedAt: queries.map(({ query }) => query.receivedAt),
    from: queries.map(({ query }) => query.from),
    to: queries.map(({ query }) => query.to),
    firstKey: keyRanges.map((r) => r.first),
    lastKey: keyRanges.map((r) => r.last),
  };
}
type LookupBatch = ReturnType<typeof lookupBatch>;

/** A statement's parameters, numbered as they are added. */
class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** A key as the key tables hold it: a 64-bit hash (migration HashedCandidateKeys17656000000000). */
const hashedKey = (key: string) => `hashtextextended(${key}, 0)`;

/**
 * Files each look-up's item under its keys (each row once; an item is always filed with its own received_at).
 * No ON CONFLICT: the projector files an item only with its first ItemReceived, and a batch's items are distinct.
 * A speculative insert (ON CONFLICT) also writes a confirmation WAL record per row: at 200 items/s filing took
 * 13.0–13.9 µs and 261 WAL bytes a row with it, 7.7–9.3 µs and 211 bytes without (docs/benchmarks.md).
 */
function fileSql(batch: LookupBatch, p: Parameters): string {
  const { table, keyColumn } = batch.index;
  return `INSERT INTO ${table} (${keyColumn}, item_id, received_at)
    SELECT DISTINCT ${hashedKey('k.key')}, q.item_id, q.received_at
    FROM unnest(${p.add(batch.itemIds, 'uuid[]')}, ${p.add(batch.receivedAt, 'timestamptz[]')},
                ${p.add(batch.firstKey, 'int[]')}, ${p.add(batch.lastKey, 'int[]')})
           AS q(item_id, received_at, first_key, last_key)
    CROSS JOIN LATERAL unnest((${p.add(batch.keys, 'text[]')})[q.first_key:q.last_key]) AS k(key)`;
}

/**
 * Each look-up's candidates, tagged with `lookup` and the look-up's 1-based position `query`, newest first. In the
 * per-key scan, an item of a later look-up of the batch is skipped unless an earlier look-up filed it too.
 */
function readSql(batch: LookupBatch, lookup: number, p: Parameters): string {
  const { table, keyColumn, perKey } = batch.index;
  const items = p.add(batch.itemIds, 'uuid[]');
  return `SELECT ${lookup} AS lookup, q.n::int AS query, c.*
    FROM unnest(${items}, ${p.add(batch.from, 'timestamptz[]')}, ${p.add(batch.to, 'timestamptz[]')},
                ${p.add(batch.firstKey, 'int[]')}, ${p.add(batch.lastKey, 'int[]')})
           WITH ORDINALITY AS q(item_id, from_at, to_at, first_key, last_key, n)
    CROSS JOIN LATERAL (
      SELECT ${CANDIDATE_COLUMNS} FROM item_facts WHERE item_id IN (
        SELECT newest.item_id
        FROM unnest((${p.add(batch.keys, 'text[]')})[q.first_key:q.last_key]) AS k(key)
        CROSS JOIN LATERAL (
          SELECT t.item_id FROM ${table} t
          WHERE t.${keyColumn} = ${hashedKey('k.key')} AND t.item_id <> q.item_id AND t.received_at <= q.to_at
            AND (t.item_id <> ALL((${items})[q.n::int + 1:]) OR t.item_id = ANY((${items})[:q.n::int - 1]))
          ORDER BY t.received_at DESC LIMIT ${perKey}) newest)
        AND received_at >= q.from_at
      ORDER BY received_at DESC, item_id DESC LIMIT ${CANDIDATE_LIMIT}) c`;
}

/** Filter of a read: received in [from, to), optionally one unit only (supervisors). */
export interface FactsScope {
  from: Date;
  to: Date;
  unitId?: string;
}

/**
 * The key tables are only inserted into, and read newest first by index-only scans; until a vacuum marks their
 * new pages visible to all, such a scan also fetches each row it reads from the table. Read by 9,600 band
 * look-ups of 300 items in a copy of a bench run's 400,992 band rows (in time order): 34.3–34.7 ms with 48,052 row
 * fetches before a vacuum, 17.1–17.9 ms with none after.
 */
const KEY_TABLES_VACUUM = {
  tables: [PERSON_KEYS.table, LSH_BANDS.table],
  afterRows: 10_000,
  minIntervalMs: 1_000,
};

@Injectable()
export class FactsRepository {
  private readonly keyTablesVacuum: OccasionalVacuum;

  constructor(private readonly dataSource: DataSource) {
    this.keyTablesVacuum = new OccasionalVacuum(dataSource, KEY_TABLES_VACUUM);
  }

  /**
   * Locks the items for the transaction and reads their facts: first the items' advisory locks (see
   * `lockItems`; in tracking's projection its item fold holds them already), because events of one new item
   * arrive on three topics and may be projected concurrently, and a missing row cannot be locked; then the rows
   * that exist, so that detection in other transactions (repeat links, hot spots) does not change them under
   * this one. `itemIds` sorted.
   */
  async lockMany(manager: EntityManager, itemIds: readonly string[]): Promise<Map<string, StoredFacts>> {
    await lockItems(manager, itemIds);
    const rows: Row[] = await manager.query(
      'SELECT * FROM item_facts WHERE item_id = ANY($1::uuid[]) ORDER BY item_id FOR UPDATE',
      [itemIds],
    );
    return new Map(rows.map((r) => [String(r.item_id), fromRow(r)]));
  }

  /** Upserts the items' facts (each item at most once), as many a statement as the parameter limit allows. */
  async saveAll(manager: EntityManager, all: readonly StoredFacts[]): Promise<void> {
    const columns = [...COLUMNS.map(([, c]) => c), 'status', 'on_time'];
    await queryInChunks(
      manager,
      all,
      columns,
      (facts) => [
        ...COLUMNS.map(([field, , kind]) => {
          const v = facts[field];
          return kind === 'json' && v !== null ? JSON.stringify(v) : v;
        }),
        statusOf(facts),
        onTime(facts),
      ],
      (values) =>
        `INSERT INTO item_facts (${columns.join(', ')}) VALUES ${values}
         ON CONFLICT (item_id) DO UPDATE SET
           ${columns
             .slice(1)
             .map((c) => `${c} = EXCLUDED.${c}`)
             .join(', ')},
           updated_at = now()`,
    );
  }

  /** Points each item at the first case of its chain, one statement for all (item ids in order, as locked). */
  async setRepeatLinks(manager: EntityManager, links: readonly RepeatLink[]): Promise<void> {
    if (links.length === 0) return;
    const sorted = [...links].sort((a, b) => a.itemId.localeCompare(b.itemId));
    await manager.query(
      `UPDATE item_facts f SET repeat_of = l.root, repeat_similarity = l.similarity
         FROM unnest($1::uuid[], $2::uuid[], $3::real[]) AS l(item_id, root, similarity)
        WHERE f.item_id = l.item_id`,
      [sorted.map((l) => l.itemId), sorted.map((l) => l.root), sorted.map((l) => l.similarity)],
    );
  }

  /**
   * Files a batch's received items under their keys and reads every item's candidates, two statements for the
   * whole batch whatever its size. Each look-up reads what it would have read had the items been filed and read
   * one after another in the batch's order: per key the newest `perKey` other items up to the window's end (a
   * newest-first index scan that stops at its LIMIT) that are not filed by a later look-up of the batch (so they
   * do not use up the LIMIT; an item filed both earlier and later counts as earlier), then the newest
   * CANDIDATE_LIMIT of those from the window's start on (see the note on the bounds at the top). The batch's items
   * are not in the key tables before (an item is received once), so the rows read are exactly those the look-up
   * would have found after the earlier items' filing. Reading the items' repeat and hot-spot links, which
   * detection of earlier items may change, is left to the caller (LinkChanges).
   */
  async fileAndReadCandidates(
    manager: EntityManager,
    lookups: readonly ItemLookups[],
  ): Promise<ItemCandidates[]> {
    const found: ItemCandidates[] = lookups.map((l) => ({
      samePerson: l.samePerson ? [] : null,
      buckets: l.buckets ? [] : null,
    }));
    const batches = [lookupBatch(lookups, 'samePerson'), lookupBatch(lookups, 'buckets')] as const;
    const [samePerson, buckets] = batches;
    if (samePerson.queries.length + buckets.queries.length === 0) return found;

    const filing = new Parameters();
    await manager.query(
      `WITH person AS (${fileSql(samePerson, filing)}) ${fileSql(buckets, filing)}`,
      filing.values,
    );
    this.keyTablesVacuum.wrote(samePerson.keys.length + buckets.keys.length);
    // In the background, on another connection: it marks what earlier batches filed.
    void this.keyTablesVacuum.runIfDue();
    const reading = new Parameters();
    const rows: Row[] = await manager.query(
      `${readSql(samePerson, 0, reading)} UNION ALL ${readSql(buckets, 1, reading)}
       ORDER BY lookup, query, received_at DESC, item_id DESC`,
      reading.values,
    );
    for (const row of rows) {
      const batch = batches[row.lookup as 0 | 1];
      const item = batch.queries[(row.query as number) - 1]?.item;
      if (item !== undefined) found[item]?.[batch.lookup]?.push(candidateFromRow(row));
    }
    return found;
  }

  /** A new hot spot of the items, its time span theirs. */
  async createHotSpot(
    manager: EntityManager,
    spot: { id: string; areaCode: string | null; title: string },
    itemIds: string[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO hot_spots (id, area_code, title, item_count, people, first_at, last_at)
       SELECT $1, $2, $3, 0, 0, min(received_at), max(received_at) FROM item_facts WHERE item_id = ANY($4::uuid[])`,
      [spot.id, spot.areaCode, spot.title, itemIds],
    );
    await this.addToHotSpot(manager, spot.id, itemIds);
  }

  /**
   * Puts items into a hot spot and adds them to its counts: items, people (distinct first person key; an item
   * without one is its own person) and time span. Incremental, because a recount reads every member: 7.8 ms a
   * join for spots of a few thousand items (bench, 2026-11-26). Items already in the spot are not counted again
   * (the UPDATE skips them); whether a person is new is one probe of the (cluster_id, person) index. The spot's
   * row is locked first, so the counting statement's snapshot holds every member a concurrent join committed.
   */
  async addToHotSpot(manager: EntityManager, spotId: string, itemIds: string[]): Promise<void> {
    await manager.query('SELECT 1 FROM hot_spots WHERE id = $1 FOR UPDATE', [spotId]);
    await manager.query(
      `WITH added AS (
         UPDATE item_facts SET cluster_id = $1
          WHERE item_id = ANY($2::uuid[]) AND cluster_id IS DISTINCT FROM $1
         RETURNING received_at, ${hotSpotPerson('')} AS person),
       newcomers AS (
         SELECT DISTINCT a.person FROM added a WHERE NOT EXISTS (
           SELECT 1 FROM item_facts f WHERE f.cluster_id = $1 AND ${hotSpotPerson('f.')} = a.person))
       UPDATE hot_spots h SET
         item_count = h.item_count + (SELECT count(*) FROM added),
         people = h.people + (SELECT count(*) FROM newcomers),
         first_at = LEAST(h.first_at, (SELECT min(received_at) FROM added)),
         last_at = GREATEST(h.last_at, (SELECT max(received_at) FROM added)),
         updated_at = now()
       WHERE h.id = $1`,
      [spotId, itemIds],
    );
  }

  /** Facts for reports, without the fingerprints and person keys only detection needs (the bulk of a row). */
  async findFacts(scope: FactsScope): Promise<ItemFacts[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM item_facts WHERE received_at >= $1 AND received_at < $2
         AND ($3::text IS NULL OR unit_id = $3) ORDER BY received_at, item_id`,
      [scope.from, scope.to, scope.unitId ?? null],
    );
    return rows.map(fromRow);
  }

  async receiptNos(itemIds: readonly string[]): Promise<Map<string, string>> {
    if (itemIds.length === 0) return new Map();
    const rows: { item_id: string; receipt_no: string | null }[] = await this.dataSource.query(
      'SELECT item_id, receipt_no FROM item_facts WHERE item_id = ANY($1::uuid[])',
      [itemIds],
    );
    return new Map(rows.filter((r) => r.receipt_no).map((r) => [r.item_id, r.receipt_no as string]));
  }
}
