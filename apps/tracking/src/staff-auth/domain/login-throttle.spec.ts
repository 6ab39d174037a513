import { afterFailedLogin, FailedAttemptWindow, isLocked } from './login-throttle';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 8, 0, seconds));

describe('account lockout', () => {
  const policy = { maxFailures: 3, lockSeconds: 600 };

  it('counts failures and locks at the limit, restarting the count', () => {
    expect(afterFailedLogin(0, at(0), policy)).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(afterFailedLogin(1, at(0), policy)).toEqual({ failedLogins: 2, lockedUntil: null });
    const locked = afterFailedLogin(2, at(0), policy);
    expect(locked).toEqual({ failedLogins: 0, lockedUntil: at(600) });
    expect(isLocked(locked.lockedUntil, at(599))).toBe(true);
    expect(isLocked(locked.lockedUntil, at(600))).toBe(false);
    expect(isLocked(null, at(0))).toBe(false);
  });
});

describe('FailedAttemptWindow', () => {
  it('blocks a key after the limit within the window and frees it as failures age out', () => {
    const window = new FailedAttemptWindow(3, 60_000);
    for (const s of [0, 10, 20]) {
      expect(window.retryAfterSeconds('1.2.3.4|clerk01', at(s))).toBe(0);
      window.recordFailure('1.2.3.4|clerk01', at(s));
    }
    expect(window.retryAfterSeconds('1.2.3.4|clerk01', at(30))).toBe(30);
    expect(window.retryAfterSeconds('1.2.3.4|clerk02', at(30))).toBe(0);
    expect(window.retryAfterSeconds('1.2.3.4|clerk01', at(60))).toBe(0);
  });

  it('forgets a key on success and stays bounded in size', () => {
    const window = new FailedAttemptWindow(1, 60_000, 2);
    window.recordFailure('a', at(0));
    window.clear('a');
    expect(window.retryAfterSeconds('a', at(1))).toBe(0);
    window.recordFailure('b', at(0));
    window.recordFailure('c', at(0));
    window.recordFailure('d', at(0));
    expect(window.retryAfterSeconds('b', at(1))).toBe(0);
    expect(window.retryAfterSeconds('d', at(1))).toBeGreaterThan(0);
  });
});
