import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AuditEntry } from './audit-entry';
import { AuditRepository } from './audit.repository';

export const AUDIT_SERVICE = 'yimen:audit-service';

const BATCH = 200;
/**
 * How long a recorded entry waits for others to share its insert (unless a full batch is waiting). Nobody
 * reads an entry within a fraction of a second of its request, and one insert per request was one commit,
 * with its WAL flush, per request under load.
 */
export const AUDIT_LINGER_MS = 100;
/** Entries held while the database is unreachable; beyond this the oldest go to the error log instead. */
const MAX_PENDING = 50_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Writes audit entries after the response has gone out, so auditing never delays or fails a request.
 * Entries wait in memory (up to AUDIT_LINGER_MS) and are inserted in batches; when the database refuses, the
 * writer logs at error level and retries with capped backoff. An entry it cannot keep (backlog full, or still
 * pending when the service stops) is written in full to the error log, the last place it survives, never
 * dropped silently.
 */
@Injectable()
export class AuditWriter implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly queue: AuditEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private failures = 0;

  constructor(
    private readonly repository: AuditRepository,
    @Inject(AUDIT_SERVICE) private readonly service: string,
  ) {}

  record(entry: Omit<AuditEntry, 'entryId' | 'service'>): void {
    this.queue.push({ entryId: randomUUID(), service: this.service, ...entry });
    if (this.queue.length > MAX_PENDING) this.spill(this.queue.splice(0, 1), 'audit backlog full');
    if (this.failures > 0) return;
    if (this.queue.length >= BATCH) void this.flush();
    else this.schedule(AUDIT_LINGER_MS);
  }

  /** Entries recorded but not yet in the database. */
  get pending(): number {
    return this.queue.length;
  }

  /** Writes everything pending now; resolves when done or the database refused (a retry is then scheduled). */
  flush(): Promise<void> {
    this.flushing ??= this.writeAll().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.failures = 0;
    await this.flush();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length > 0) this.spill(this.queue.splice(0), 'audit entries not written before shutdown');
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    this.timer.unref();
  }

  private async writeAll(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, BATCH);
      try {
        await this.repository.insert(batch);
      } catch (error) {
        this.failures += 1;
        const retryInMs = Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.failures);
        this.logger.error(
          { error: errorSummary(error), pending: this.queue.length, retryInMs },
          'AUDIT WRITE FAILED: entries kept in memory, retrying',
        );
        this.schedule(retryInMs);
        return;
      }
      this.queue.splice(0, batch.length);
      if (this.failures > 0) this.logger.warn({ afterFailures: this.failures }, 'audit writes resumed');
      this.failures = 0;
    }
  }

  private spill(entries: AuditEntry[], reason: string): void {
    for (const auditEntry of entries) this.logger.error({ auditEntry }, `AUDIT ENTRY NOT STORED (${reason})`);
  }
}

/** The failure without the query and its parameters (the entries), which would flood the log. */
function errorSummary(error: unknown): { message: string; code?: unknown } {
  if (!(error instanceof Error)) return { message: String(error) };
  return { message: error.message, code: (error as { code?: unknown }).code };
}
