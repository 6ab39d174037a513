import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { StaffPrincipal } from '@app/auth';
import { unauthenticated } from '@app/auth';
import { DomainError } from '@app/errors';
import { passwordProblems } from './domain/password-policy';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository';
import { StaffUsersRepository } from './persistence/staff-users.repository';

/** A staff member changes their own password; every session of theirs then has to sign in again. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly users: StaffUsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  async execute(staff: StaffPrincipal, currentPassword: string, newPassword: string, now = new Date()) {
    const user = await this.users.findById(staff.sub);
    if (!user?.active) throw unauthenticated();
    if (!(await verify(user.passwordHash, currentPassword).catch(() => false))) {
      throw new DomainError(
        'AUTH.CURRENT_PASSWORD_WRONG',
        'invalid',
        '当前密码不正确',
        'The current password is wrong',
        [
          {
            field: 'currentPassword',
            rule: 'matches',
            message: '当前密码不正确',
            messageEn: 'wrong password',
          },
        ],
      );
    }
    const problems = passwordProblems(newPassword, user.username);
    if (problems.length > 0) {
      throw new DomainError(
        'AUTH.WEAK_PASSWORD',
        'invalid',
        `新密码不符合要求：${problems.join('；')}`,
        'The new password is too weak',
        problems.map((message) => ({ field: 'newPassword', rule: 'passwordPolicy', message })),
      );
    }
    const passwordHash = await hash(newPassword);
    await this.refreshTokens.transaction(async (manager) => {
      await this.users.setPassword(manager, user.id, passwordHash);
      await this.refreshTokens.revokeAllOf(manager, user.id, now);
    });
  }
}
