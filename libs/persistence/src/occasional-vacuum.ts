import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface OccasionalVacuumOptions {
  /** Tables (as the connection's search_path finds them), vacuumed together. */
  tables: readonly string[];
  /** Rows written (inserted or deleted) since the last vacuum that make the next one due. */
  afterRows: number;
  /** Least time between two vacuums. */
  minIntervalMs: number;
}

/** After a failed vacuum (the tables gone, the database unreachable), the next try waits this long. */
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * A service's own VACUUM of tables it writes heavily, once enough rows were written since the last one and at
 * most every `minIntervalMs`, one at a time; it never fails its caller.
 *
 * Autovacuum (on by default) gets there too, but late: it wakes once a minute and, for a table only inserted
 * into, waits until a fifth of the table is new. Until a page is vacuumed its rows are not marked visible to
 * all, so an index-only scan fetches every row it reads from the table as well; and the entries of deleted
 * rows stay in the indexes. The machine the tests and benchmarks run on has autovacuum off altogether.
 */
export class OccasionalVacuum {
  private readonly logger = new Logger(OccasionalVacuum.name);
  private rows = 0;
  private notBefore = 0;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OccasionalVacuumOptions,
  ) {}

  /** Counts rows written to the tables (by statements that committed or will). */
  wrote(rows: number): void {
    this.rows += rows;
  }

  /** Whether `runIfDue` would vacuum now. */
  isDue(now = Date.now()): boolean {
    return !this.running && this.rows >= this.options.afterRows && now >= this.notBefore;
  }

  /** Vacuums the tables if due; resolves when done (at once when not due), never rejects. */
  async runIfDue(): Promise<void> {
    if (!this.isDue()) return;
    this.running = true;
    this.rows = 0;
    this.notBefore = Date.now() + this.options.minIntervalMs;
    const tables = this.options.tables.join(', ');
    try {
      await this.dataSource.query(`VACUUM ${tables}`);
    } catch (error) {
      if (!this.dataSource.isInitialized) return;
      this.notBefore = Date.now() + RETRY_AFTER_FAILURE_MS;
      this.logger.warn(`vacuum of ${tables} failed, next try in a minute: ${String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
