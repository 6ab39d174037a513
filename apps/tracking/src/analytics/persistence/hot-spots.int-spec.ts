import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { TrackingHarness } from '../../testing/tracking.harness';
import { FactsRepository } from './facts.repository';

/** Hot spot counts kept incrementally as items join, on real PostgreSQL, against a full recount. */
describe('hot spot counts', () => {
  let tracking: TrackingHarness;
  let db: DataSource;
  let facts: FactsRepository;

  beforeAll(async () => {
    tracking = await TrackingHarness.start('hot_spots');
    db = tracking.app.get(DataSource);
    facts = tracking.app.get(FactsRepository);
  });

  afterAll(async () => {
    await tracking?.stop();
  });

  /** Items' analysis facts: a person key (or anonymous) and a day of October 2026. */
  async function items(...people: (string | null)[]): Promise<string[]> {
    const ids = people.map(() => randomUUID());
    await db.query(
      `INSERT INTO item_facts (item_id, status, person_keys, received_at)
       SELECT id, 'open', CASE WHEN person IS NULL THEN '{}'::text[] ELSE ARRAY[person] END,
              timestamptz '2026-10-01 00:00Z' + n * interval '1 day'
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS t(id, person, n)`,
      [ids, people],
    );
    return ids;
  }

  const spot = async (id: string) =>
    (
      await db.query<{ item_count: number; people: number; first_at: Date; last_at: Date }[]>(
        'SELECT item_count, people, first_at, last_at FROM hot_spots WHERE id = $1',
        [id],
      )
    )[0];
  const recount = async (id: string) =>
    (
      await db.query<{ item_count: number; people: number; first_at: Date; last_at: Date }[]>(
        `SELECT count(*)::int AS item_count,
                count(DISTINCT COALESCE(person_keys[1], item_id::text))::int AS people,
                min(received_at) AS first_at, max(received_at) AS last_at
         FROM item_facts WHERE cluster_id = $1`,
        [id],
      )
    )[0];
  const inTransaction = (work: (m: EntityManager) => Promise<void>) => db.transaction(work);

  it('counts items, distinct people and the time span as items join, once each, as a recount would', async () => {
    const id = randomUUID();
    const [a, b, c] = await items('p1', 'p2', null);
    await inTransaction((m) => facts.createHotSpot(m, { id, areaCode: '371402', title: 't' }, [a!, b!, c!]));
    expect(await spot(id)).toEqual(await recount(id));
    expect(await spot(id)).toMatchObject({ item_count: 3, people: 3 });

    const [d] = await items('p1'); // a person already in the spot
    await inTransaction((m) => facts.addToHotSpot(m, id, [d!]));
    await inTransaction((m) => facts.addToHotSpot(m, id, [d!])); // again: nothing changes
    expect(await spot(id)).toMatchObject({ item_count: 4, people: 3 });

    const [e, f, g] = await items('p3', 'p3', null); // one new person twice, one anonymous
    await inTransaction((m) => facts.addToHotSpot(m, id, [e!, f!, g!, a!]));
    expect(await spot(id)).toMatchObject({ item_count: 7, people: 5 });
    expect(await spot(id)).toEqual(await recount(id));
  });

  it('counts a new person once when two joins overlap, the second waiting for the first', async () => {
    const id = randomUUID();
    const first = await items('q1', 'q2', 'q3');
    await inTransaction((m) => facts.createHotSpot(m, { id, areaCode: null, title: 't' }, first));
    const [x, y] = await items('q4', 'q4');
    const [one, two] = [db.createQueryRunner(), db.createQueryRunner()];
    try {
      await one.startTransaction();
      await two.startTransaction();
      await facts.addToHotSpot(one.manager, id, [x!]);
      const second = facts.addToHotSpot(two.manager, id, [y!]); // waits for the first's lock
      await new Promise((resolve) => setTimeout(resolve, 300));
      await one.commitTransaction();
      await second;
      await two.commitTransaction();
    } finally {
      await one.release();
      await two.release();
    }
    expect(await spot(id)).toMatchObject({ item_count: 5, people: 4 });
    expect(await spot(id)).toEqual(await recount(id));
  });
});
