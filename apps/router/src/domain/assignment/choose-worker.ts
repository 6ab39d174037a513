import type { WorkerProfile } from '@app/reference-data';

/** A worker with the load the router keeps for them. */
export interface WorkerState extends WorkerProfile {
  active: number;
  lastAssignedAt: Date | null;
}

export interface WorkerQuery {
  /** Router category id of the item (`police.theft`); undefined = any skill will do. */
  category?: string;
  /** Workers already offered this item (rejected or let the offer lapse). */
  exclude?: readonly string[];
  /** Grid officer or the worker of an earlier linked item: first when eligible. */
  preferred?: string;
}

export function isEligible(worker: WorkerState, query: WorkerQuery): boolean {
  return (
    worker.onDuty &&
    worker.active < worker.capacity &&
    !(query.exclude ?? []).includes(worker.id) &&
    (query.category === undefined || worker.skills.includes('*') || worker.skills.includes(query.category))
  );
}

/**
 * Worker choice: on duty, has the skill, under capacity, not tried before; the preferred worker if eligible,
 * else the least loaded, ties to the longest idle (never assigned counts as idle longest), then by id so the
 * choice is deterministic. Nobody eligible → undefined (the unit's shared queue).
 */
export function chooseWorker(workers: readonly WorkerState[], query: WorkerQuery): WorkerState | undefined {
  const eligible = workers.filter((w) => isEligible(w, query));
  const preferred = eligible.find((w) => w.id === query.preferred);
  if (preferred) return preferred;
  const idleSince = (w: WorkerState) => w.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return [...eligible].sort(
    (a, b) => a.active - b.active || idleSince(a) - idleSince(b) || a.id.localeCompare(b.id),
  )[0];
}
