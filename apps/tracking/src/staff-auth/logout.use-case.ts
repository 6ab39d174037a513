import { Injectable } from '@nestjs/common';
import { refreshTokenHash } from './domain/refresh-token';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository';

/** Sign-out: revokes the session family of the presented refresh token. Unknown tokens are ignored. */
@Injectable()
export class LogoutUseCase {
  constructor(private readonly refreshTokens: RefreshTokensRepository) {}

  async execute(refreshToken: string, now = new Date()): Promise<void> {
    await this.refreshTokens.transaction(async (manager) => {
      const familyId = await this.refreshTokens.familyOf(manager, refreshTokenHash(refreshToken));
      if (familyId) await this.refreshTokens.revokeFamily(manager, familyId, now);
    });
  }
}
