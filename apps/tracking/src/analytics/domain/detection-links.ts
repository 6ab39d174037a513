/** What repeat and hot-spot detection change on other items: the repeat link and the hot spot. */
export interface DetectionLinks {
  repeatOf: string | null;
  clusterId: string | null;
}

/**
 * The repeat links and hot-spot memberships set while a batch's received items are checked one after another,
 * laid over candidates read for the whole batch before the first check: a candidate then carries the links the
 * checks of the batch's earlier items gave it, as if it had been read just before its own item's check.
 */
export class LinkChanges {
  private readonly changed = new Map<string, Partial<DetectionLinks>>();

  repeatOf(itemId: string, root: string): void {
    this.changed.set(itemId, { ...this.changed.get(itemId), repeatOf: root });
  }

  joined(itemIds: readonly string[], clusterId: string): void {
    for (const id of itemIds) this.changed.set(id, { ...this.changed.get(id), clusterId });
  }

  /** The candidates with the links set since they were read. */
  laidOver<T extends DetectionLinks & { itemId: string }>(candidates: readonly T[]): T[] {
    return candidates.map((c) => {
      const links = this.changed.get(c.itemId);
      return links ? { ...c, ...links } : c;
    });
  }
}
