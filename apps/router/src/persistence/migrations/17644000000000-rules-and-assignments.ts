import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules as data (versioned, audited) and the router's own view of each item's assignment: decisions with
 * their explanation, the item's routing state (round, returns, excluded units), offers and worker load.
 */
export class RulesAndAssignments17644000000000 implements MigrationInterface {
  name = 'RulesAndAssignments17644000000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = runner.connection.driver.schema ?? 'router';
    await runner.query(`
      CREATE TABLE ${s}.routing_rules (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('category', 'department', 'channel')),
        body jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      )`);
    // One row: the rule-set version every decision names. 0 = not seeded yet.
    await runner.query(
      `CREATE TABLE ${s}.rule_set_state (id int PRIMARY KEY CHECK (id = 1), version int NOT NULL)`,
    );
    await runner.query(`INSERT INTO ${s}.rule_set_state (id, version) VALUES (1, 0)`);
    await runner.query(`
      CREATE TABLE ${s}.rule_changes (
        id bigserial PRIMARY KEY,
        version int NOT NULL,
        rule_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('seed', 'create', 'update', 'delete')),
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        before jsonb,
        after jsonb
      )`);
    await runner.query(`CREATE INDEX rule_changes_rule ON ${s}.rule_changes (rule_id, id)`);

    await runner.query(`
      ALTER TABLE ${s}.route_decisions
        ADD COLUMN round int NOT NULL DEFAULT 1,
        ADD COLUMN outcome text NOT NULL DEFAULT 'routed',
        ADD COLUMN category text,
        ADD COLUMN area_code text,
        ADD COLUMN unit_id text,
        ADD COLUMN assisting jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN suggested_department text,
        ADD COLUMN explanation jsonb`);

    await runner.query(`
      CREATE TABLE ${s}.item_routes (
        item_id uuid PRIMARY KEY,
        receipt_no text NOT NULL,
        status text NOT NULL,
        agency text,
        category text,
        area_code text,
        grid_id text,
        unit_id text,
        worker_id text,
        round int NOT NULL DEFAULT 1,
        returns int NOT NULL DEFAULT 0,
        excluded_units text[] NOT NULL DEFAULT '{}',
        excluded_agencies text[] NOT NULL DEFAULT '{}',
        tried_workers text[] NOT NULL DEFAULT '{}',
        scores jsonb NOT NULL DEFAULT '{}',
        categories jsonb NOT NULL DEFAULT '{}',
        preferred_worker text,
        -- sha256 of the citizen's mobile: links a known repeat to the earlier item's unit and worker
        citizen_key text,
        repeat_of uuid,
        correlation_id text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX item_routes_citizen ON ${s}.item_routes (citizen_key, category) WHERE citizen_key IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE ${s}.offers (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL,
        unit_id text NOT NULL,
        worker_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'signed', 'rejected', 'expired', 'withdrawn')),
        offered_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX offers_open_expiry ON ${s}.offers (expires_at) WHERE status = 'open'`);
    await runner.query(
      `CREATE UNIQUE INDEX offers_one_open_per_item ON ${s}.offers (item_id) WHERE status = 'open'`,
    );
    await runner.query(`
      CREATE TABLE ${s}.worker_load (
        worker_id text PRIMARY KEY,
        active int NOT NULL DEFAULT 0 CHECK (active >= 0),
        last_assigned_at timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = runner.connection.driver.schema ?? 'router';
    for (const table of [
      'worker_load',
      'offers',
      'item_routes',
      'rule_changes',
      'rule_set_state',
      'routing_rules',
    ]) {
      await runner.query(`DROP TABLE ${s}.${table}`);
    }
    await runner.query(`
      ALTER TABLE ${s}.route_decisions
        DROP COLUMN round, DROP COLUMN outcome, DROP COLUMN category, DROP COLUMN area_code, DROP COLUMN unit_id,
        DROP COLUMN assisting, DROP COLUMN suggested_department, DROP COLUMN explanation`);
  }
}
