import { judgeRefreshToken, newRefreshToken, refreshTokenHash } from './refresh-token';

const now = new Date('2026-11-25T08:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const live = { rotatedAt: null, revokedAt: null, expiresAt: new Date(now.getTime() + 3600_000) };

describe('refresh tokens', () => {
  it('are 256-bit random base64url strings, stored by SHA-256', () => {
    const token = newRefreshToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRefreshToken()).not.toBe(token);
    expect(refreshTokenHash(token)).toHaveLength(32);
  });

  it('renew while live, and briefly after rotation (a second tab refreshing at the same moment)', () => {
    expect(judgeRefreshToken(live, now)).toBe('renew');
    expect(judgeRefreshToken({ ...live, rotatedAt: ago(5_000) }, now)).toBe('renew');
  });

  it('raise the alarm when a rotated token comes back later', () => {
    expect(judgeRefreshToken({ ...live, rotatedAt: ago(31_000) }, now)).toBe('replayed');
  });

  it('are worthless when unknown, revoked or expired', () => {
    expect(judgeRefreshToken(undefined, now)).toBe('invalid');
    expect(judgeRefreshToken({ ...live, revokedAt: ago(1) }, now)).toBe('invalid');
    expect(judgeRefreshToken({ ...live, expiresAt: now }, now)).toBe('invalid');
  });
});
