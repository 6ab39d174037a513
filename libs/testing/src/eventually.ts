/**
 * Polls until `probe` returns a value that `accept` takes (by default any non-undefined value), instead of
 * sleeping a guessed amount. On time-out the error names what was awaited and the last value or error.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number; accept?: (value: T) => boolean } = {},
): Promise<T> {
  const { timeoutMs = 20_000, intervalMs = 100, accept = (v: T) => v !== undefined } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (accept(value)) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last, null, 0)}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
