/** How many failures lock an account, and for how long. */
export interface LockoutPolicy {
  maxFailures: number;
  lockSeconds: number;
}

/** An account's failure counter after one more wrong password: at the limit it locks and the count restarts. */
export function afterFailedLogin(
  failedLogins: number,
  now: Date,
  policy: LockoutPolicy,
): { failedLogins: number; lockedUntil: Date | null } {
  const failures = failedLogins + 1;
  if (failures < policy.maxFailures) return { failedLogins: failures, lockedUntil: null };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockSeconds * 1000) };
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * Failed sign-ins per key (client address + username) in a sliding window, in memory. It slows down password
 * guessing against one account from one place without revealing whether the account exists; the account
 * lockout (stored with the account) covers guessing from many places. Bounded: the oldest keys are dropped.
 */
export class FailedAttemptWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string, now: Date): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    const oldest = recent[recent.length - this.limit] ?? now.getTime();
    return Math.max(1, Math.ceil((oldest + this.windowMs - now.getTime()) / 1000));
  }

  recordFailure(key: string, now: Date): void {
    const recent = this.recent(key, now);
    recent.push(now.getTime());
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > this.maxKeys) {
      const oldestKey = this.failures.keys().next().value;
      if (oldestKey !== undefined) this.failures.delete(oldestKey);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
