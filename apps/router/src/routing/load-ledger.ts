import type { EntityManager } from 'typeorm';
import type { ItemRoutesRepository, LoadChange, WorkerLoad } from '../persistence/item-routes.repository';

/**
 * Worker load changes of one transaction, kept in memory and written once at the end in worker order (rows
 * locked in one global order cannot deadlock between router instances). Reads see the stored load plus
 * this transaction's changes, so several items in one batch are spread correctly.
 */
export class LoadLedger {
  private readonly changes = new Map<string, LoadChange>();

  constructor(
    private readonly manager: EntityManager,
    private readonly routes: ItemRoutesRepository,
  ) {}

  async loads(workerIds: readonly string[]): Promise<Map<string, WorkerLoad>> {
    const stored = await this.routes.loads(this.manager, workerIds);
    return new Map(
      workerIds.map((id) => {
        const base = stored.get(id);
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

/** What the router's moves work within: the transaction and its load ledger. */
export interface RoutingTx {
  manager: EntityManager;
  ledger: LoadLedger;
}
