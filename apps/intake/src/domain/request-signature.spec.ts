import { signRequest, verifySignedRequest, type SignedRequest } from './request-signature';

const secrets = new Map([['12345', 'secret-of-12345-platform']]);
const now = new Date('2026-11-25T08:00:00Z');
const body = Buffer.from('{"title":"噪音扰民"}');
const MAX_SKEW = 5 * 60_000;

function signed(overrides: Partial<SignedRequest> = {}, at = now): SignedRequest {
  const timestamp = String(at.getTime());
  return {
    platform: '12345',
    timestamp,
    signature: signRequest('secret-of-12345-platform', timestamp, body),
    rawBody: body,
    ...overrides,
  };
}

const verify = (r: SignedRequest) => verifySignedRequest(r, secrets, now, MAX_SKEW);

describe('signed hotline requests', () => {
  it('accepts a correctly signed, fresh request', () => {
    expect(verify(signed())).toEqual({ ok: true, platform: '12345' });
    expect(verify(signed({}, new Date(now.getTime() - MAX_SKEW + 1000))).ok).toBe(true);
  });

  it.each([
    ['unsigned', { signature: undefined }],
    ['unsigned', { timestamp: undefined }],
    ['unknown_platform', { platform: '99999' }],
    ['bad_signature', { rawBody: Buffer.from('{"title":"改过的内容"}') }],
    ['bad_signature', { signature: 'zz' }],
    ['bad_signature', { signature: signRequest('another-secret-entirely', String(now.getTime()), body) }],
    ['stale', { timestamp: 'yesterday' }],
  ] as const)('refuses as %s: %o', (reason, overrides) => {
    expect(verify(signed(overrides))).toEqual({ ok: false, reason });
  });

  it('refuses timestamps more than five minutes off, either way', () => {
    expect(verify(signed({}, new Date(now.getTime() - MAX_SKEW - 1)))).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verify(signed({}, new Date(now.getTime() + MAX_SKEW + 1)))).toEqual({
      ok: false,
      reason: 'stale',
    });
  });
});
