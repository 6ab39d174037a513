import { createHash, randomBytes } from 'node:crypto';

/** An opaque refresh token: 256 random bits, base64url. Only its SHA-256 is stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** High-entropy tokens need no slow hash; SHA-256 makes a leaked table useless for signing in. */
export function refreshTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * How long a just-rotated refresh token still works. Two tabs of the web app share one session and may both
 * refresh when the access token runs out; without this leeway the second would look like theft and end the
 * session. Later reuse is treated as theft.
 */
export const ROTATION_GRACE_MS = 30_000;

export interface PresentedToken {
  rotatedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/** What a presented refresh token allows: a new pair, nothing (expired, revoked), or the alarm for a replay. */
export function judgeRefreshToken(
  token: PresentedToken | undefined,
  now: Date,
  graceMs = ROTATION_GRACE_MS,
): 'renew' | 'invalid' | 'replayed' {
  if (!token || token.revokedAt || token.expiresAt.getTime() <= now.getTime()) return 'invalid';
  if (!token.rotatedAt) return 'renew';
  return now.getTime() - token.rotatedAt.getTime() <= graceMs ? 'renew' : 'replayed';
}
