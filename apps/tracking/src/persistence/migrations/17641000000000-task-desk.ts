import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The task desk: the item's full state (a fold of its events) beside indexed columns for the desk queries,
 * who acted on each timeline entry, SLA policies, the editable working-day calendar and notifications.
 */
export class TaskDesk17641000000000 implements MigrationInterface {
  name = 'TaskDesk17641000000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`UPDATE ${s}.items SET status = 'routed' WHERE status = 'assigned'`);
    await runner.query(`
      ALTER TABLE ${s}.items
        ADD COLUMN state jsonb,
        ADD COLUMN category text,
        ADD COLUMN urgency text,
        ADD COLUMN area_code text,
        ADD COLUMN unit_id text,
        ADD COLUMN assisting_unit_ids text[] NOT NULL DEFAULT '{}',
        ADD COLUMN worker_id text,
        ADD COLUMN offer_worker_id text,
        ADD COLUMN offer_expires_at timestamptz,
        ADD COLUMN entered_by text,
        ADD COLUMN citizen_mobile text,
        ADD COLUMN confidential boolean NOT NULL DEFAULT false,
        ADD COLUMN signed_at timestamptz,
        ADD COLUMN first_contact_at timestamptz,
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN returns integer NOT NULL DEFAULT 0,
        ADD COLUMN follow_up_result text,
        ADD COLUMN sign_by timestamptz,
        ADD COLUMN contact_by timestamptz,
        ADD COLUMN resolve_by timestamptz`);
    await runner.query(`CREATE INDEX items_unit_status ON ${s}.items (unit_id, status)`);
    await runner.query(`CREATE INDEX items_worker ON ${s}.items (worker_id) WHERE worker_id IS NOT NULL`);
    await runner.query(
      `CREATE INDEX items_offer_worker ON ${s}.items (offer_worker_id) WHERE offer_worker_id IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX items_assisting ON ${s}.items USING gin (assisting_unit_ids)`);
    await runner.query(
      `CREATE INDEX items_citizen_mobile ON ${s}.items (citizen_mobile) WHERE citizen_mobile IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX items_open_deadline ON ${s}.items (resolve_by) WHERE status NOT IN ('resolved', 'followed_up', 'closed', 'referred_out')`,
    );
    await runner.query(`ALTER TABLE ${s}.timeline ADD COLUMN actor text`);
    // The timeline is append-only: history is never edited, only added to.
    await runner.query(`
      CREATE FUNCTION ${s}.timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'timeline is append-only (% refused)', TG_OP USING ERRCODE = 'check_violation';
      END $$`);
    await runner.query(`
      CREATE TRIGGER timeline_append_only BEFORE UPDATE OR DELETE ON ${s}.timeline
      FOR EACH ROW EXECUTE FUNCTION ${s}.timeline_append_only()`);

    await runner.query(`
      CREATE TABLE ${s}.sla_policies (
        id serial PRIMARY KEY,
        request_type text,
        category text,
        urgency text,
        sign_minutes integer NOT NULL CHECK (sign_minutes > 0),
        contact_minutes integer NOT NULL CHECK (contact_minutes > 0),
        resolve_days integer NOT NULL CHECK (resolve_days > 0),
        warn_ratio numeric(3,2) NOT NULL DEFAULT 0.80 CHECK (warn_ratio > 0 AND warn_ratio < 1),
        UNIQUE NULLS NOT DISTINCT (request_type, category, urgency)
      )`);
    // Defaults from published hotline rules: sign for within 1 working hour, first contact within a working
    // day, resolve consultations in 3 working days, help in 7, complaints, reports and suggestions in 15;
    // urgent items: 30 minutes, 2 hours, and at most 3 working days.
    await runner.query(`
      INSERT INTO ${s}.sla_policies (request_type, category, urgency, sign_minutes, contact_minutes, resolve_days) VALUES
        (NULL, NULL, NULL, 60, 480, 15),
        ('consultation', NULL, NULL, 60, 480, 3),
        ('help', NULL, NULL, 60, 480, 7),
        ('complaint', NULL, NULL, 60, 480, 15),
        ('report', NULL, NULL, 60, 480, 15),
        ('suggestion', NULL, NULL, 60, 480, 15),
        (NULL, NULL, 'urgent', 30, 120, 3),
        ('consultation', NULL, 'urgent', 30, 120, 1)`);

    await runner.query(`
      CREATE TABLE ${s}.calendar_days (
        day date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name text,
        source text NOT NULL DEFAULT 'official',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE ${s}.notifications (
        id bigserial PRIMARY KEY,
        item_id uuid NOT NULL,
        receipt_no text NOT NULL,
        event_id uuid NOT NULL,
        recipient_id text,
        recipient_role text,
        recipient_unit_id text,
        kind text NOT NULL,
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CHECK (recipient_id IS NOT NULL OR recipient_role IS NOT NULL)
      )`);
    await runner.query(
      `CREATE INDEX notifications_recipient ON ${s}.notifications (recipient_id, created_at DESC)`,
    );
    await runner.query(
      `CREATE INDEX notifications_role ON ${s}.notifications (recipient_role, recipient_unit_id, created_at DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`DROP TABLE ${s}.notifications`);
    await runner.query(`DROP TABLE ${s}.calendar_days`);
    await runner.query(`DROP TABLE ${s}.sla_policies`);
    await runner.query(`DROP TRIGGER timeline_append_only ON ${s}.timeline`);
    await runner.query(`DROP FUNCTION ${s}.timeline_append_only()`);
    await runner.query(`ALTER TABLE ${s}.timeline DROP COLUMN actor`);
    for (const index of [
      'items_unit_status',
      'items_worker',
      'items_offer_worker',
      'items_assisting',
      'items_citizen_mobile',
      'items_open_deadline',
    ]) {
      await runner.query(`DROP INDEX ${s}.${index}`);
    }
    await runner.query(`
      ALTER TABLE ${s}.items
        DROP COLUMN state, DROP COLUMN category, DROP COLUMN urgency, DROP COLUMN area_code, DROP COLUMN unit_id,
        DROP COLUMN assisting_unit_ids, DROP COLUMN worker_id, DROP COLUMN offer_worker_id,
        DROP COLUMN offer_expires_at, DROP COLUMN entered_by, DROP COLUMN citizen_mobile, DROP COLUMN confidential,
        DROP COLUMN signed_at, DROP COLUMN first_contact_at, DROP COLUMN resolved_at, DROP COLUMN closed_at,
        DROP COLUMN returns, DROP COLUMN follow_up_result, DROP COLUMN sign_by, DROP COLUMN contact_by,
        DROP COLUMN resolve_by`);
  }
}
