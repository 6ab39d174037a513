import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed machine-to-machine request carries (headers X-Yimen-Platform, -Timestamp, -Signature). */
export interface SignedRequest {
  platform: string | undefined;
  /** Unix time in milliseconds, as sent. */
  timestamp: string | undefined;
  /** Lower-case hex HMAC-SHA256 of `${timestamp}.${rawBody}`. */
  signature: string | undefined;
  rawBody: Buffer;
}

export type SignatureVerdict =
  | { ok: true; platform: string }
  | { ok: false; reason: 'unsigned' | 'unknown_platform' | 'stale' | 'bad_signature' };

/** The signature a sender computes: hex HMAC-SHA256 with the platform's secret over `${timestamp}.${rawBody}`. */
export function signRequest(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * Checks a signed request against the platforms' secrets, in constant time, refusing a timestamp more than
 * `maxSkewMs` away from `now` either way (a captured request cannot be replayed later).
 */
export function verifySignedRequest(
  request: SignedRequest,
  secrets: ReadonlyMap<string, string>,
  now: Date,
  maxSkewMs: number,
): SignatureVerdict {
  const { platform, timestamp, signature } = request;
  if (!platform || !timestamp || !signature) return { ok: false, reason: 'unsigned' };
  const secret = secrets.get(platform);
  if (!secret) return { ok: false, reason: 'unknown_platform' };
  if (!/^\d{1,16}$/.test(timestamp) || Math.abs(now.getTime() - Number(timestamp)) > maxSkewMs) {
    return { ok: false, reason: 'stale' };
  }
  const expected = Buffer.from(signRequest(secret, timestamp, request.rawBody), 'hex');
  const given = /^[0-9a-fA-F]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature' };
  }
  return { ok: true, platform };
}
