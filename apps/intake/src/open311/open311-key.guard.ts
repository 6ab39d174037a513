import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@app/errors';
import { IntakeConfig, keyedSecrets } from '../intake.config';

export type Open311Request = Request & { open311Platform?: string };

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Maps an Open311 `api_key` (body for POST, query for GET) to its platform, comparing in constant time; an
 * unknown or missing key gets 401 and a warning in the log.
 */
@Injectable()
export class Open311KeyGuard implements CanActivate {
  private readonly logger = new Logger('Open311Key');
  private readonly keys: { platform: string; digest: Buffer }[];

  constructor(config: IntakeConfig) {
    this.keys = [...keyedSecrets(config.OPEN311_API_KEYS)].map(([platform, key]) => ({
      platform,
      digest: digest(key),
    }));
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Open311Request>();
    const source = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
    const key = source?.api_key;
    if (typeof key === 'string' && key.length > 0) {
      const given = digest(key);
      const match = this.keys.find((k) => timingSafeEqual(k.digest, given));
      if (match) {
        req.open311Platform = match.platform;
        return true;
      }
    }
    this.logger.warn({
      msg: 'refused Open311 request',
      reason: key ? 'unknown api_key' : 'no api_key',
      ip: req.ip,
    });
    throw new DomainError(
      'AUTH.BAD_API_KEY',
      'unauthorized',
      'api_key 缺失或无效',
      'Missing or unknown api_key',
    );
  }
}
