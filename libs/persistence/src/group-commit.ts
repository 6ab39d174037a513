/** What a flush answers for each call of its batch, in the batch's order. */
export type Outcome<R> = PromiseSettledResult<R>;

interface Waiting<T, R> {
  request: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: coalesces concurrent calls into batches written with one round trip each. A call made while
 * no flush is running is flushed at once, alone (no timer, no added latency at low load); calls made while
 * a flush is running wait for it and go together into the next one, at most `maxBatch` at a time. So the
 * busier the writer, the larger its batches, and at most one flush is in flight.
 *
 * `flush` answers one outcome per request, in order, so that one request can fail without the others; if
 * it throws, every request of the batch fails with that error.
 */
export class GroupCommit<T, R> {
  private readonly queue: Waiting<T, R>[] = [];
  private flushing = false;

  constructor(
    private readonly flush: (requests: readonly T[]) => Promise<readonly Outcome<R>[]>,
    private readonly maxBatch: number,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`bad batch size ${maxBatch}`);
  }

  submit(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) await this.settle(this.queue.splice(0, this.maxBatch));
    } finally {
      this.flushing = false;
    }
  }

  /** Never throws: whatever happens reaches the waiting callers. */
  private async settle(batch: readonly Waiting<T, R>[]): Promise<void> {
    let outcomes: readonly Outcome<R>[];
    try {
      outcomes = await this.flush(batch.map((w) => w.request));
      if (outcomes.length !== batch.length)
        throw new Error(`flush answered ${outcomes.length} outcomes for ${batch.length} requests`);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome.status === 'fulfilled') waiting.resolve(outcome.value);
      else waiting.reject(outcome.reason);
    });
  }
}
