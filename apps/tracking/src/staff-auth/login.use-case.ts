import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { AuditWriter } from '@app/audit';
import { DomainError } from '@app/errors';
import { statusOf } from '@app/http';
import { TrackingConfig } from '../tracking.config';
import type { SessionDto } from './auth.dto';
import { afterFailedLogin, FailedAttemptWindow, isLocked } from './domain/login-throttle';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository';
import { StaffUsersRepository, type StaffUserRow } from './persistence/staff-users.repository';
import { StaffSessions } from './staff-sessions';

export const invalidCredentials = () =>
  new DomainError(
    'AUTH.INVALID_CREDENTIALS',
    'unauthorized',
    '用户名或密码错误',
    'Wrong username or password',
  );

/** Failed attempts per client address and username before 429, and the window they are counted in. */
const ATTEMPTS_PER_WINDOW = 10;
const ATTEMPT_WINDOW_MS = 5 * 60_000;

export interface LoginCommand {
  username: string;
  password: string;
  clientAddress: string;
  correlationId: string;
}

/**
 * Staff sign-in. Every failure looks the same (401 AUTH.INVALID_CREDENTIALS) whether the user is unknown,
 * disabled, locked or the password is wrong, and takes the same argon2 time; only the per-address throttle
 * answers differently (429), and it does not depend on the account existing.
 */
@Injectable()
export class LoginUseCase {
  private readonly logger = new Logger('Login');
  private readonly attempts = new FailedAttemptWindow(ATTEMPTS_PER_WINDOW, ATTEMPT_WINDOW_MS);
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: StaffUsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly sessions: StaffSessions,
    private readonly config: TrackingConfig,
    private readonly audit: AuditWriter,
  ) {}

  /** Every attempt goes to the audit log: the username tried, the outcome status, the client address. */
  async execute(command: LoginCommand, now = new Date()): Promise<SessionDto> {
    let status = 500;
    let user: StaffUserRow | undefined;
    try {
      const session = await this.attempt(command, now, (found) => (user = found));
      status = 200;
      return session;
    } catch (error) {
      status = error instanceof DomainError ? statusOf(error.kind) : 500;
      throw error;
    } finally {
      this.audit.record({
        at: now,
        action: 'sign-in',
        actorId: user?.id ?? null,
        actorUsername: command.username.slice(0, 64),
        actorRole: user?.role ?? null,
        actorAgency: user?.agency ?? null,
        actorUnitId: user?.unitId ?? null,
        method: 'POST',
        route: '/api/v1/auth/login',
        targetType: 'staff_user',
        targetId: user?.id ?? null,
        params: {},
        status,
        correlationId: command.correlationId,
        clientAddress: command.clientAddress,
      });
    }
  }

  private async attempt(
    command: LoginCommand,
    now: Date,
    found: (user: StaffUserRow | undefined) => void,
  ): Promise<SessionDto> {
    const key = `${command.clientAddress}|${command.username.toLowerCase()}`;
    const retryAfter = this.attempts.retryAfterSeconds(key, now);
    if (retryAfter > 0) {
      throw new DomainError(
        'AUTH.TOO_MANY_ATTEMPTS',
        'rate_limited',
        `登录失败次数过多，请 ${retryAfter} 秒后再试`,
        `Too many failed sign-ins, try again in ${retryAfter} s`,
      );
    }
    const user = await this.users.findByUsername(command.username);
    found(user);
    const passwordOk = await verify(user?.passwordHash ?? (await this.dummy()), command.password).catch(
      () => false,
    );
    if (!user || !passwordOk || !user.active || isLocked(user.lockedUntil, now)) {
      this.attempts.recordFailure(key, now);
      if (user && !isLocked(user.lockedUntil, now)) {
        const next = afterFailedLogin(user.failedLogins, now, {
          maxFailures: this.config.LOGIN_MAX_FAILURES,
          lockSeconds: this.config.LOGIN_LOCK_S,
        });
        await this.users.recordFailure(user.id, next.failedLogins, next.lockedUntil);
        if (next.lockedUntil)
          this.logger.warn({ username: user.username }, 'account locked after failed sign-ins');
      }
      throw invalidCredentials();
    }
    this.attempts.clear(key);
    await this.users.recordSuccess(user.id, now);
    return this.refreshTokens.transaction((manager) => this.sessions.issue(manager, user, now));
  }

  /** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
  private dummy(): Promise<string> {
    this.dummyHash ??= hash(randomBytes(16));
    return this.dummyHash;
  }
}
