import { GroupCommit, type Outcome } from './group-commit';

/** A flush the test finishes by hand, recording the batches it was given. */
function manualFlush() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const flush = (requests: readonly number[]) => {
    batches.push([...requests]);
    return new Promise<Outcome<number>[]>((resolve) =>
      pending.push(() => resolve(requests.map((r) => ({ status: 'fulfilled', value: r * 10 })))),
    );
  };
  const finishNext = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, flush, finishNext };
}

describe('group commit', () => {
  it('flushes a call at once when idle, and batches the calls made while a flush runs', async () => {
    const { batches, flush, finishNext } = manualFlush();
    const commit = new GroupCommit(flush, 100);
    const first = commit.submit(1);
    expect(batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((n) => commit.submit(n));
    expect(batches).toEqual([[1]]);
    await finishNext();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await finishNext();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    // idle again: the next call is flushed at once
    const later = commit.submit(5);
    expect(batches.at(-1)).toEqual([5]);
    await finishNext();
    expect(await later).toBe(50);
  });

  it('takes at most maxBatch calls a flush', async () => {
    const { batches, flush, finishNext } = manualFlush();
    const commit = new GroupCommit(flush, 2);
    const all = [1, 2, 3, 4, 5, 6].map((n) => commit.submit(n));
    for (let i = 0; i < 4; i++) await finishNext();
    expect(batches).toEqual([[1], [2, 3], [4, 5], [6]]);
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('fails only the calls whose outcome is a failure', async () => {
    const commit = new GroupCommit<number, number>(
      (requests) =>
        Promise.resolve(
          requests.map((r) =>
            r % 2 === 0
              ? { status: 'rejected', reason: new Error(`refused ${r}`) }
              : { status: 'fulfilled', value: r },
          ),
        ),
      10,
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => commit.submit(n)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('refused 2') },
      { status: 'fulfilled', value: 3 },
    ]);
  });

  it('fails every call of a batch whose flush throws, and carries on with the next batch', async () => {
    let calls = 0;
    const commit = new GroupCommit<number, number>((requests) => {
      calls += 1;
      return calls === 2
        ? Promise.reject(new Error('database away'))
        : Promise.resolve(requests.map((value) => ({ status: 'fulfilled', value })));
    }, 10);
    const results = await Promise.allSettled([1, 2, 3].map((n) => commit.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('database away'));
    expect(await commit.submit(4)).toBe(4);
  });

  it('fails the batch when the flush answers the wrong number of outcomes', async () => {
    const commit = new GroupCommit<number, number>(() => Promise.resolve([]), 10);
    await expect(commit.submit(1)).rejects.toThrow('flush answered 0 outcomes for 1 requests');
  });

  it('refuses a batch size below one', () => {
    expect(() => new GroupCommit(() => Promise.resolve([]), 0)).toThrow('bad batch size 0');
  });
});
