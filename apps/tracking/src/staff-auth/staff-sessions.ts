import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TokenService } from '@app/auth';
import { DomainError } from '@app/errors';
import { TrackingConfig } from '../tracking.config';
import type { SessionDto, StaffUserDto } from './auth.dto';
import { newRefreshToken, refreshTokenHash } from './domain/refresh-token';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository';
import type { StaffUserRow } from './persistence/staff-users.repository';

export const invalidRefreshToken = () =>
  new DomainError(
    'AUTH.INVALID_REFRESH_TOKEN',
    'unauthorized',
    '登录已失效，请重新登录',
    'Session expired, sign in again',
  );

export function staffUserDto(user: StaffUserRow): StaffUserDto {
  return {
    username: user.username,
    name: user.name,
    role: user.role,
    agency: user.agency,
    unitId: user.unitId,
  };
}

/** Issues an access token and a fresh refresh token of a rotation family (a new family at sign-in). */
@Injectable()
export class StaffSessions {
  constructor(
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly config: TrackingConfig,
  ) {}

  async issue(
    manager: EntityManager,
    user: StaffUserRow,
    now: Date,
    familyId: string = randomUUID(),
  ): Promise<SessionDto> {
    const refreshToken = newRefreshToken();
    await this.refreshTokens.insert(manager, {
      familyId,
      userId: user.id,
      hash: refreshTokenHash(refreshToken),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + this.config.JWT_REFRESH_TTL_S * 1000),
    });
    const accessToken = this.tokens.signAccess({
      sub: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      agency: user.agency,
      unitId: user.unitId,
    });
    return { accessToken, refreshToken, expiresIn: this.config.JWT_ACCESS_TTL_S, user: staffUserDto(user) };
  }
}
