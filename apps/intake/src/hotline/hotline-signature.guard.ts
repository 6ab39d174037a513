import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@app/errors';
import type { RawBodyRequest } from '@app/http';
import { verifySignedRequest } from '../domain/request-signature';
import { IntakeConfig, keyedSecrets } from '../intake.config';

export const SignatureHeaders = {
  platform: 'x-yimen-platform',
  timestamp: 'x-yimen-timestamp',
  signature: 'x-yimen-signature',
} as const;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? undefined : value);

/**
 * Verifies the HMAC signature of a hotline platform's request (the `@SignedChannel('hotline')` policy):
 * unsigned, wrongly signed, stale (> HOTLINE_MAX_SKEW_S) or unknown-platform requests get 401 and a warning
 * in the log. Runs before validation, so an unsigned request learns nothing about the body rules.
 */
@Injectable()
export class HotlineSignatureGuard implements CanActivate {
  private readonly logger = new Logger('HotlineSignature');
  private readonly secrets: ReadonlyMap<string, string>;
  private readonly maxSkewMs: number;

  constructor(config: IntakeConfig) {
    this.secrets = keyedSecrets(config.HOTLINE_SECRETS);
    this.maxSkewMs = config.HOTLINE_MAX_SKEW_S * 1000;
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<RawBodyRequest>();
    const platform = single(req.headers[SignatureHeaders.platform]);
    const verdict = verifySignedRequest(
      {
        platform,
        timestamp: single(req.headers[SignatureHeaders.timestamp]),
        signature: single(req.headers[SignatureHeaders.signature]),
        rawBody: req.rawBody ?? Buffer.alloc(0),
      },
      this.secrets,
      new Date(),
      this.maxSkewMs,
    );
    if (verdict.ok) return true;
    this.logger.warn({
      msg: 'refused hotline request',
      reason: verdict.reason,
      platform: platform?.slice(0, 40),
      ip: req.ip,
    });
    throw new DomainError(
      'AUTH.BAD_SIGNATURE',
      'unauthorized',
      '请求签名无效、缺失或已过期',
      `Request signature refused (${verdict.reason})`,
    );
  }
}
