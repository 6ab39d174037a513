import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Analytics' own tables in the tracking schema: item facts, LSH buckets, hot spots, governance tasks, closed periods. */
export class AnalyticsFacts17642000000000 implements MigrationInterface {
  name = 'AnalyticsFacts17642000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`
      CREATE TABLE ${schema}.item_facts (
        item_id uuid PRIMARY KEY,
        receipt_no text,
        channel text,
        request_type text,
        urgency text,
        category text,
        area_code text,
        agency text,
        unit_id text,
        worker_id text,
        title text,
        person_keys text[] NOT NULL DEFAULT '{}',
        fingerprint jsonb,
        route_round int NOT NULL DEFAULT 0,
        received_at timestamptz,
        triaged_at timestamptz,
        routed_at timestamptz,
        signed_at timestamptz,
        first_contact_at timestamptz,
        resolved_at timestamptz,
        followed_up_at timestamptz,
        closed_at timestamptz,
        sign_deadline timestamptz,
        contact_deadline timestamptz,
        resolve_deadline timestamptz,
        status text NOT NULL,
        on_time boolean,
        returns int NOT NULL DEFAULT 0,
        misrouted boolean NOT NULL DEFAULT false,
        extensions int NOT NULL DEFAULT 0,
        escalations int NOT NULL DEFAULT 0,
        redos int NOT NULL DEFAULT 0,
        suspended boolean NOT NULL DEFAULT false,
        referred_out boolean NOT NULL DEFAULT false,
        satisfaction text,
        outcome text,
        repeat_of uuid,
        repeat_similarity real,
        cluster_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX item_facts_received ON ${schema}.item_facts (received_at)`);
    await runner.query(`CREATE INDEX item_facts_unit ON ${schema}.item_facts (unit_id, received_at)`);
    await runner.query(`CREATE INDEX item_facts_cluster ON ${schema}.item_facts (cluster_id)`);
    await runner.query(`CREATE INDEX item_facts_person ON ${schema}.item_facts USING gin (person_keys)`);
    await runner.query(`
      CREATE TABLE ${schema}.item_lsh (
        band_key text NOT NULL,
        item_id uuid NOT NULL,
        PRIMARY KEY (band_key, item_id)
      )`);
    await runner.query(`
      CREATE TABLE ${schema}.hot_spots (
        id uuid PRIMARY KEY,
        area_code text,
        title text NOT NULL,
        item_count int NOT NULL,
        people int NOT NULL,
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE ${schema}.governance_tasks (
        id uuid PRIMARY KEY,
        cluster_id uuid NOT NULL UNIQUE REFERENCES ${schema}.hot_spots (id),
        title text NOT NULL,
        note text,
        unit_id text,
        item_ids uuid[] NOT NULL,
        status text NOT NULL DEFAULT 'open',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE ${schema}.closed_periods (
        period text PRIMARY KEY,
        from_at timestamptz NOT NULL,
        to_at timestamptz NOT NULL,
        item_count int NOT NULL,
        ledger jsonb NOT NULL,
        rates jsonb NOT NULL,
        closed_by text NOT NULL,
        closed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    for (const table of ['closed_periods', 'governance_tasks', 'hot_spots', 'item_lsh', 'item_facts']) {
      await runner.query(`DROP TABLE ${schema}.${table}`);
    }
  }
}
