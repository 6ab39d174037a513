import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision's `decided_at` is when its row is written, not when its transaction began (`now()`): the router
 * writes a batch's decisions at the end of the batch, just before the commit, so the time now includes the
 * batch's own handling — which is what the benchmark's accepted→assigned latency should count.
 */
export class DecisionTimeAtWrite17655000000000 implements MigrationInterface {
  name = 'DecisionTimeAtWrite17655000000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = runner.connection.driver.schema ?? 'router';
    await runner.query(
      `ALTER TABLE ${s}.route_decisions ALTER COLUMN decided_at SET DEFAULT clock_timestamp()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = runner.connection.driver.schema ?? 'router';
    await runner.query(`ALTER TABLE ${s}.route_decisions ALTER COLUMN decided_at SET DEFAULT now()`);
  }
}
