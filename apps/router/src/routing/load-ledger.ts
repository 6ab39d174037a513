import type { EntityManager } from 'typeorm';
import type { ItemRoutesRepository, LoadChange, WorkerLoad } from '../persistence/item-routes.repository';

/**
 * Worker load changes of one transaction, kept in memory and written once at the end in worker order (rows
 * locked in one global order cannot deadlock between router instances). Reads see the stored load plus
 * this transaction's changes, so several items in one batch are spread correctly. A worker's stored load is
 * read once per transaction: the choice of worker is a balance, and the changes are written as deltas.
 */
export class LoadLedger {
  private readonly changes = new Map<string, LoadChange>();
  private readonly stored = new Map<string, WorkerLoad | null>();

  constructor(
    private readonly manager: EntityManager,
    private readonly routes: ItemRoutesRepository,
  ) {}

  async loads(workerIds: readonly string[]): Promise<Map<string, WorkerLoad>> {
    const unread = workerIds.filter((id) => !this.stored.has(id));
    if (unread.length > 0) {
      const read = await this.routes.loads(this.manager, unread);
      for (const id of unread) this.stored.set(id, read.get(id) ?? null);
    }
    return new Map(
      workerIds.map((id) => {
        const base = this.stored.get(id);
        const change = this.changes.get(id);
        return [
          id,
          {
            workerId: id,
            active: Math.max(0, (base?.active ?? 0) + (change?.delta ?? 0)),
            lastAssignedAt: change?.lastAssignedAt ?? base?.lastAssignedAt ?? null,
          },
        ];
      }),
    );
  }

  add(workerId: string, at: Date): void {
    const change = this.change(workerId);
    change.delta += 1;
    change.lastAssignedAt = at;
  }

  remove(workerId: string): void {
    this.change(workerId).delta -= 1;
  }

  async flush(): Promise<void> {
    await this.routes.applyLoadChanges(
      this.manager,
      [...this.changes.values()].filter((c) => c.delta !== 0 || c.lastAssignedAt),
    );
    this.changes.clear();
    this.stored.clear();
  }

  private change(workerId: string): LoadChange {
    let change = this.changes.get(workerId);
    if (!change) {
      change = { workerId, delta: 0, lastAssignedAt: null };
      this.changes.set(workerId, change);
    }
    return change;
  }
}
