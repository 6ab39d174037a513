import { Injectable } from '@nestjs/common';
import { GroupCommit, isUniqueViolation, type Outcome } from '@app/persistence';
import { countByDay, sequencesInBlocks } from '../domain/receipt-number';
import { ItemsRepository, type NewItem } from './items.repository';

/** Builds the item to write once its sequence number of the day is known (the receipt carries it). */
export type BuildItem = (sequence: number) => NewItem;

interface ItemRequest {
  /** China day (YYYYMMDD) whose sequence the item gets. */
  day: string;
  build: BuildItem;
}

/** Enough to amortise a statement under load; a batch always fits one statement's bind parameters. */
const MAX_BATCH = Math.min(200, ItemsRepository.maxRowsPerStatement);

/**
 * Writes new items by group commit: concurrent writes share two statements — one allocating all their
 * sequence numbers, one inserting all the items with their outbox rows — instead of two each. A write made
 * while idle goes at once; see GroupCommit.
 *
 * A unique violation in the shared insert (a twin in the batch or in the table) is sorted out by inserting
 * that batch's items one by one, so that only the conflicting write gets the error. Any other error of the
 * shared insert fails the whole batch, nothing of it written. Numbers allocated for items that were not
 * written are skipped, like those lost in a crash.
 */
@Injectable()
export class ItemWriter {
  private readonly batches = new GroupCommit<ItemRequest, NewItem>(
    (requests) => this.flush(requests),
    MAX_BATCH,
  );

  constructor(private readonly items: ItemsRepository) {}

  /** Writes the item `build` makes of the day's next sequence number, and answers it once committed. */
  write(day: string, build: BuildItem): Promise<NewItem> {
    return this.batches.submit({ day, build });
  }

  private async flush(requests: readonly ItemRequest[]): Promise<Outcome<NewItem>[]> {
    const days = requests.map((r) => r.day);
    const sequences = sequencesInBlocks(days, await this.items.allocateSequences(countByDay(days)));
    const built = requests.map((request, i) => attempt(() => request.build(sequences[i]!)));
    const items = built.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const failed = await this.insert(items);
    return built.map((outcome) =>
      outcome.status === 'fulfilled' && failed.has(outcome.value)
        ? { status: 'rejected', reason: failed.get(outcome.value) }
        : outcome,
    );
  }

  /** Inserts the items, answering the error of each one that could not be. */
  private async insert(items: readonly NewItem[]): Promise<Map<NewItem, unknown>> {
    if (items.length === 0) return new Map();
    try {
      await this.items.insertWithEvents(items);
      return new Map();
    } catch (error) {
      if (!isUniqueViolation(error) || items.length === 1) return new Map(items.map((item) => [item, error]));
    }
    const failed = new Map<NewItem, unknown>();
    for (const item of items) {
      try {
        await this.items.insertWithEvents([item]);
      } catch (error) {
        failed.set(item, error);
      }
    }
    return failed;
  }
}

function attempt<T>(make: () => T): Outcome<T> {
  try {
    return { status: 'fulfilled', value: make() };
  } catch (reason) {
    return { status: 'rejected', reason };
  }
}
