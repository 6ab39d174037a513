import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { judgeRefreshToken, type PresentedToken } from '../domain/refresh-token';

export interface RotatedToken {
  familyId: string;
  userId: string;
}

/** What rotating a presented token found: a live token (now used up), a used one (reuse!), or nothing valid. */
export type RotationOutcome =
  | { kind: 'rotated'; token: RotatedToken }
  | { kind: 'reused'; familyId: string; userId: string }
  | { kind: 'invalid' };

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    manager: EntityManager,
    token: { familyId: string; userId: string; hash: Buffer; issuedAt: Date; expiresAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), token.familyId, token.userId, token.hash, token.issuedAt, token.expiresAt],
    );
  }

  /**
   * Looks the presented token up, locking its row so that concurrent refreshes with it are judged one after
   * the other, and marks it used if it was live.
   */
  async rotate(manager: EntityManager, hash: Buffer, now: Date): Promise<RotationOutcome> {
    const rows: (PresentedToken & { familyId: string; userId: string })[] = await manager.query(
      `SELECT family_id AS "familyId", user_id AS "userId", rotated_at AS "rotatedAt", revoked_at AS "revokedAt",
         expires_at AS "expiresAt"
       FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [hash],
    );
    const token = rows[0];
    const verdict = judgeRefreshToken(token, now);
    if (!token || verdict === 'invalid') return { kind: 'invalid' };
    const { familyId, userId } = token;
    if (verdict === 'replayed') return { kind: 'reused', familyId, userId };
    if (!token.rotatedAt) {
      await manager.query(`UPDATE refresh_tokens SET rotated_at = $2 WHERE token_hash = $1`, [hash, now]);
    }
    return { kind: 'rotated', token: { familyId, userId } };
  }

  /** Revokes every live token of a family (sign-out, or a rotated token presented again). */
  async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<number> {
    const rows: unknown[] = await manager.query(
      // Through a CTE so the driver answers with plain rows (TypeORM wraps UPDATE results otherwise).
      `WITH revoked AS (
         UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM revoked`,
      [familyId, now],
    );
    return rows.length;
  }

  /** Revokes every live token of a user (password changed). */
  async revokeAllOf(manager: EntityManager, userId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, now],
    );
  }

  async familyOf(manager: EntityManager, hash: Buffer): Promise<string | undefined> {
    const rows: { familyId: string }[] = await manager.query(
      `SELECT family_id AS "familyId" FROM refresh_tokens WHERE token_hash = $1`,
      [hash],
    );
    return rows[0]?.familyId;
  }
}
