import { Injectable, Logger } from '@nestjs/common';
import type { SessionDto } from './auth.dto';
import { refreshTokenHash } from './domain/refresh-token';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository';
import { StaffUsersRepository } from './persistence/staff-users.repository';
import { invalidRefreshToken, StaffSessions } from './staff-sessions';

/**
 * Exchanges a refresh token for a new pair. Each refresh token works once; presenting an already rotated
 * token means it was copied, so the whole family (every session descended from that sign-in) is revoked.
 */
@Injectable()
export class RefreshSessionUseCase {
  private readonly logger = new Logger('RefreshSession');

  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly users: StaffUsersRepository,
    private readonly sessions: StaffSessions,
  ) {}

  async execute(refreshToken: string, now = new Date()): Promise<SessionDto> {
    const hash = refreshTokenHash(refreshToken);
    const outcome = await this.refreshTokens.transaction(async (manager) => {
      const rotation = await this.refreshTokens.rotate(manager, hash, now);
      switch (rotation.kind) {
        case 'invalid':
          return undefined;
        case 'reused': {
          const revoked = await this.refreshTokens.revokeFamily(manager, rotation.familyId, now);
          this.logger.warn(
            { userId: rotation.userId, familyId: rotation.familyId, revoked },
            'rotated refresh token presented again: session family revoked',
          );
          return undefined;
        }
        case 'rotated': {
          const user = await this.users.findById(rotation.token.userId);
          if (!user?.active) return undefined;
          return this.sessions.issue(manager, user, now, rotation.token.familyId);
        }
      }
    });
    if (!outcome) throw invalidRefreshToken();
    return outcome;
  }
}
